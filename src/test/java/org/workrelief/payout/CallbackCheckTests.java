package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workrelief.support.Refusals.assertRefused;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.NotFoundException;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/** 回访抽查: the sample drawn at publicize, the committee's answers, and approval waiting for them. */
@IntegrationTest
class CallbackCheckTests {

    @Autowired PayoutFlow flow;
    @Autowired PayoutService payouts;
    @Autowired CallbackService callbacks;
    @Autowired CallbackStore store;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    PaidSite p;
    PayoutBatch batch;

    @BeforeEach
    void setUp() {
        p = flow.site();
        batch = flow.confirmed(p);
    }

    @Test
    void theSampleSizeIsThePercentAtLeastTheMinimumAtMostTheMaximumAndNeverMoreThanTheLines() {
        assertThat(CallbackSample.size(0, 5, 3, 30)).isZero();
        assertThat(CallbackSample.size(2, 5, 3, 30)).as("capped at the batch's lines").isEqualTo(2);
        assertThat(CallbackSample.size(4, 5, 3, 30)).as("at least the minimum").isEqualTo(3);
        assertThat(CallbackSample.size(100, 5, 3, 30)).as("5% of 100").isEqualTo(5);
        assertThat(CallbackSample.size(101, 5, 3, 30)).as("rounded up").isEqualTo(6);
        assertThat(CallbackSample.size(1000, 5, 3, 30)).as("at most the maximum").isEqualTo(30);
    }

    @Test
    void theSampleIsDrawnOnceAtPublicizeAndReproducibleFromItsSeed() {
        CallbackStore.Sample sample = callbacks.sampleOf(p.staff(), batch.id()).orElseThrow();
        List<Long> lineIds = payouts.lines(p.staff(), batch.id()).stream().map(PayoutLine::id).toList();
        assertThat(sample.lineCount()).isEqualTo(4);
        assertThat(sample.size()).isEqualTo(3);
        List<Long> drawn = callbacks.checksOf(p.staff(), batch.id()).stream().map(CallbackCheck::lineId).toList();
        assertThat(drawn).hasSize(3).isSubsetOf(lineIds)
                .isEqualTo(CallbackSample.draw(sample.seed(), reversed(lineIds), sample.size()));
        assertThat(store.draw(batch.id(), "someone", clock.instant())).as("drawn once").isEqualTo(sample);
        assertThat(callbacks.checksOf(p.staff(), batch.id())).hasSize(3);

        List<Long> ids = LongStream.rangeClosed(1, 50).boxed().toList();
        assertThat(CallbackSample.draw(42L, ids, 5)).isEqualTo(CallbackSample.draw(42L, reversed(ids), 5))
                .isNotEqualTo(CallbackSample.draw(43L, ids, 5));
    }

    @Test
    void approvalIsRefusedWhileACheckIsOpen() {
        clock.advance(Duration.ofDays(8));
        List<CallbackCheck> checks = callbacks.checksOf(p.s().onDuty(), batch.id());
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), batch.version()), "payout.callback.open", 3L);
        CallbackCheck first = checks.get(0);
        CallbackCheck attempt = callbacks.record(p.s().onDuty(), first.id(),
                new CallbackService.Answer(false, null, null, null, "无人接听", first.version()));
        assertThat(attempt.open()).as("an unreached worker is not a check").isTrue();
        assertThat(attempt.attempts()).isEqualTo(1);
        assertThat(attempt.lastAttemptBy()).isEqualTo(p.s().onDuty().getUsername());
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), batch.version()), "payout.callback.open", 3L);

        flow.calledBack(p, batch);
        CallbackCheck done = callbacks.checksOf(p.staff(), batch.id()).get(0);
        assertThat(done.checkedBy()).isEqualTo(p.s().onDuty().getUsername());
        assertThat(done.checkedAt()).isEqualTo(clock.instant());
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CALLBACK_CHECKED' and entity_id = ?",
                Integer.class, String.valueOf(batch.id()))).isEqualTo(3);
        assertThat(payouts.approve(p.checker(), batch.id(), batch.version()).status()).isEqualTo(BatchStatus.APPROVED);
    }

    @Test
    void anAnswerThatDiffersBlocksApprovalUntilAnAdministratorDecides() {
        List<CallbackCheck> checks = callbacks.checksOf(p.s().onDuty(), batch.id());
        CallbackCheck first = checks.get(0);
        assertRefused(() -> callbacks.record(p.s().onDuty(), first.id(),
                new CallbackService.Answer(true, CallbackCheck.DIFFERS, " ", null, null, first.version())),
                "payout.callback.differsHow");
        callbacks.record(p.s().onDuty(), first.id(), new CallbackService.Answer(true, CallbackCheck.DIFFERS,
                "本人说只干了三天", new BigDecimal("480.00"), null, first.version()));
        flow.calledBack(p, batch);
        clock.advance(Duration.ofDays(8));
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), batch.version()), "payout.callback.differs", 1L);

        CallbackCheck differs = callbacks.checksOf(p.staff(), batch.id()).get(0);
        assertThat(differs.expectedAmount()).isEqualByComparingTo("480.00");
        assertThatThrownBy(() -> callbacks.resolve(p.staff(), differs.id(), "已核实", differs.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> callbacks.resolve(p.s().onDuty(), differs.id(), "已核实", differs.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertRefused(() -> callbacks.resolve(p.admin(), differs.id(), " ", differs.version()),
                "payout.callback.resolution.required");
        callbacks.resolve(p.admin(), differs.id(), "查考勤记录和班组签字表，五天属实，已向本人解释", differs.version());
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CALLBACK_RESOLVED' and entity_id = ?",
                Integer.class, String.valueOf(batch.id()))).isEqualTo(1);
        assertThat(payouts.approve(p.checker(), batch.id(), batch.version()).status()).isEqualTo(BatchStatus.APPROVED);
    }

    @Test
    void onlyACommitteeMemberRecordsACheck() {
        CallbackCheck first = callbacks.checksOf(p.staff(), batch.id()).get(0);
        CallbackService.Answer same = new CallbackService.Answer(true, CallbackCheck.SAME, null, null, null, first.version());
        assertThatThrownBy(() -> callbacks.record(p.staff(), first.id(), same)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> callbacks.record(p.finance(), first.id(), same)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> callbacks.record(p.admin(), first.id(), same)).isInstanceOf(AccessDeniedException.class);
        assertThat(callbacks.checksOf(p.staff(), batch.id()).get(0).open()).isTrue();
    }

    @Test
    void aCommitteeMemberOfAnotherTownFindsNoSuchBatch() {
        Fixtures fixtures = new Fixtures(accounts);
        SignedInUser stranger = Principals.of(fixtures.user(Role.SUPERVISOR, fixtures.town()));
        CallbackCheck first = callbacks.checksOf(p.staff(), batch.id()).get(0);
        assertThatThrownBy(() -> callbacks.record(stranger, first.id(),
                new CallbackService.Answer(true, CallbackCheck.SAME, null, null, null, first.version())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> callbacks.checksOf(stranger, batch.id())).isInstanceOf(NotFoundException.class);
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> copy = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
