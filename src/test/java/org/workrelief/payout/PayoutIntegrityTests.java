package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workrelief.support.Refusals.assertRefused;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/** A batch stays true to approved attendance, and what was approved stays as it was. */
@IntegrationTest
class PayoutIntegrityTests {

    @Autowired PayoutFlow flow;
    @Autowired DailyReviewService reviews;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired ConfirmationService confirmations;
    @Autowired BatchComplaints objections;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    PaidSite p;
    PayoutBatch batch;

    @BeforeEach
    void setUp() {
        p = flow.site();
        batch = flow.calledBack(p, flow.confirmed(p));
    }

    @Test
    void aDayCorrectedAfterTheBatchWasComputedStopsApprovalUntilTheLinesAreRecomputed() {
        reviews.correct(p.admin(), p.projectId(), PaidSite.TO, "补录下午签到");
        clock.advance(Duration.ofDays(8));
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), current().version()), "payout.unapprovedDays",
                PaidSite.TO);

        clock.set(MutableClock.START);
        p.s().device(p.crew().get(3), PaidSite.TO, 17, 0, 0, "gate-1");
        PaidSite.approve(reviews, p.s(), PaidSite.TO);
        clock.advance(Duration.ofDays(8));
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), current().version()),
                "payout.approve.attendanceChanged", 1);

        assertThat(payouts.recomputeAll(p.staff(), batch.id())).isEqualTo(1);
        assertThat(current().noticeUntil()).as("the changed list is on notice for a full period again")
                .isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), current().version()), "payout.approve.noticeRunning");
    }

    @Test
    void aDayInAnApprovedBatchCanNoLongerBeCorrected() {
        clock.advance(Duration.ofDays(8));
        payouts.approve(p.checker(), batch.id(), current().version());
        assertRefused(() -> reviews.correct(p.admin(), p.projectId(), PaidSite.TO, "晚了"), "review.correct.paid");
    }

    @Test
    void whoeverChangedTheFiguresCannotApproveThem() {
        PayoutLine line = batches.lines(p.checker(), batch.id()).get(0);
        payouts.deduct(p.checker(), line.id(), new BigDecimal("0.00"), null, line.version());
        clock.advance(Duration.ofDays(8));
        assertThat(batches.lines(p.checker(), batch.id()).get(0).confirmations()).isEqualTo(2);
        PayoutLine touched = batches.lines(p.checker(), batch.id()).stream().filter(l -> l.id() == line.id()).findFirst()
                .orElseThrow();
        assertThat(touched.version()).isGreaterThan(line.version());
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), current().version()), "payout.approve.maker");
    }

    @Test
    void theConfirmationsOfAnApprovedBatchAreFrozenInTheDatabase() {
        clock.advance(Duration.ofDays(8));
        payouts.approve(p.checker(), batch.id(), current().version());
        assertThatThrownBy(() -> jdbc.update("""
                delete from cross_confirmation where line_id in (select id from payout_line where batch_id = ?)
                """, batch.id())).isInstanceOf(DataAccessException.class);
        assertRefused(() -> objections.recordObjection(p.staff(), batch.id(), null, "OTHER", "村民", "迟到的异议"),
                "payout.objection.notPublicized");
    }

    @Test
    void onlyADraftIsDiscarded() {
        assertRefused(() -> payouts.discard(p.staff(), batch.id(), current().version()), "payout.discard.notDraft");
    }

    private PayoutBatch current() {
        return batches.batch(p.staff(), batch.id());
    }
}
