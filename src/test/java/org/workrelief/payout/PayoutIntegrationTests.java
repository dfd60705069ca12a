package org.workrelief.payout;

import static org.workrelief.support.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.workrelief.account.AccountService;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.audit.AuditEntry;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.supervision.CommitteeService;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/** Rules 7 and 9: batches from approved attendance, notice, objections, maker-checker approval and release. */
@IntegrationTest
class PayoutIntegrationTests {

    @Autowired PayoutFlow flow;
    @Autowired AccountService accounts;
    @Autowired CommitteeService committee;
    @Autowired DailyReviewService reviews;
    @Autowired PayoutService payouts;
    @Autowired PayoutQueries queries;
    @Autowired PayoutBatches batches;
    @Autowired ConfirmationService confirmations;
    @Autowired BatchComplaints objections;
    @Autowired AuditLog auditLog;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    @Test
    void linesComeFromApprovedAttendanceAtTheTeamsDayRate() {
        PayoutBatch batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        List<PayoutLine> lines = batches.lines(p.staff(), batch.id());
        assertThat(batch.status()).isEqualTo(BatchStatus.DRAFT);
        assertThat(lines).extracting(PayoutLine::amountPayable).containsExactlyInAnyOrder(new BigDecimal("800.00"),
                new BigDecimal("800.00"), new BigDecimal("800.00"), new BigDecimal("720.00"));
        PayoutLine half = lines.stream().filter(l -> l.workerId() == p.crew().get(3).getId()).findFirst().orElseThrow();
        assertThat(half.fullDays()).isEqualTo(4);
        assertThat(half.halfDays()).isEqualTo(1);
        assertThat(half.days()).isEqualByComparingTo("4.5");
        assertThat(half.dayRate()).isEqualByComparingTo("160.00");
        PayoutQueries.Totals total = PayoutQueries.overall(lines);
        assertThat(total.payable()).isEqualByComparingTo("3120.00");
        assertThat(total.days()).isEqualByComparingTo("19.5");
        assertThat(PayoutQueries.totals(lines)).hasSize(2); // the team and the batch
    }

    @Test
    void aPeriodWithADayNotYetApprovedIsRefusedAndTheDaysAreNamed() {
        p.s().device(p.crew().get(0), LocalDate.of(2025, 5, 31), 8, 0, 0, "gate-1");
        assertRefused(() -> payouts.create(p.staff(), p.projectId(), PaidSite.FROM, LocalDate.of(2025, 5, 31)),
                "payout.unapprovedDays", "2025-05-31");
        assertThat(countBatches()).isZero();
    }

    @Test
    void periodsStayInsideOneMonthAreOverAndNeverOverlap() {
        assertRefused(() -> payouts.create(p.staff(), p.projectId(), PaidSite.FROM, LocalDate.of(2025, 6, 1)),
                "payout.period.oneMonth");
        assertRefused(() -> payouts.create(p.staff(), p.projectId(), LocalDate.of(2025, 6, 1), PaidSite.TODAY),
                "payout.period.notOver");
        assertRefused(() -> payouts.create(p.staff(), p.projectId(), PaidSite.TO, PaidSite.FROM), "payout.period.invalid");
        payouts.create(p.staff(), p.projectId(), PaidSite.FROM, LocalDate.of(2025, 5, 28));
        assertRefused(() -> payouts.create(p.staff(), p.projectId(), LocalDate.of(2025, 5, 28), PaidSite.TO),
                "payout.period.overlaps");
        assertThat(payouts.create(p.staff(), p.projectId(), LocalDate.of(2025, 5, 29), PaidSite.TO).status())
                .isEqualTo(BatchStatus.DRAFT);
        assertRefused(() -> payouts.create(p.staff(), p.projectId(), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 20)),
                "payout.noAttendance");
    }

    @Test
    void publicizingStartsTheNoticeAndOpensThePublicList() {
        PayoutBatch batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        PayoutBatch publicized = payouts.publicize(p.staff(), batch.id(), batch.version());
        assertThat(publicized.status()).isEqualTo(BatchStatus.PUBLICIZED);
        assertThat(publicized.noticeUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(publicized.noticeToken()).hasSizeGreaterThanOrEqualTo(32);
        PayoutQueries.PublicNotice notice = queries.publicNotice(publicized.noticeToken()).orElseThrow();
        assertThat(notice.lines()).hasSize(4).allSatisfy(line -> assertThat(line.idMasked()).contains("********"));
        assertThat(queries.publicNotice("not-the-token-of-anything-at-all")).isEmpty();
        assertRefused(() -> payouts.publicize(p.staff(), batch.id(), publicized.version()), "payout.state.notDraft");
    }

    @Test
    void aDraftIsDiscardedWithItsLinesAndMadeAgain() {
        PayoutBatch draft = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        payouts.discard(p.staff(), draft.id(), draft.version());
        assertThat(countBatches()).isZero();
        assertThat(auditLog.historyOf(PayoutBatches.ENTITY, draft.id())).extracting(AuditEntry::action)
                .containsExactly("PAYOUT_BATCH_CREATED", "PAYOUT_BATCH_DISCARDED");
        assertThat(payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO).status()).isEqualTo(BatchStatus.DRAFT);
    }

    @Test
    void aStaleVersionIsRefusedWithReload() {
        PayoutBatch batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        PayoutLine line = batches.lines(p.staff(), batch.id()).get(0);
        payouts.deduct(p.staff(), line.id(), new BigDecimal("10.00"), "工具损坏赔偿", line.version());
        assertRefused(() -> payouts.deduct(p.staff(), line.id(), new BigDecimal("20.00"), "重复", line.version()),
                "payout.stale");
        assertRefused(() -> payouts.publicize(p.staff(), batch.id(), batch.version() + 5), "payout.stale");
    }

    @Test
    void aDeductionNeedsAReasonStaysWithinTheAmountAndVoidsConfirmations() {
        PayoutBatch batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        PayoutLine line = lineOf(batch, 0);
        ConfirmationSheet sheet = flow.sheet(p, batch.id());
        confirmations.recordFromSheet(p.staff(), sheet.id(), List.of(
                new ConfirmationService.SheetEntry(line.id(), p.crew().get(1).getWorkerCode()),
                new ConfirmationService.SheetEntry(line.id(), p.crew().get(2).getWorkerCode())));
        flow.attested(p, sheet);
        PayoutLine confirmed = lineOf(batch, 0);
        assertThat(confirmed.confirmed()).isTrue();
        assertRefused(() -> payouts.deduct(p.staff(), line.id(), new BigDecimal("10.00"), " ", confirmed.version()),
                "payout.deduction.reason");
        assertRefused(() -> payouts.deduct(p.staff(), line.id(), new BigDecimal("900.00"), "超额", confirmed.version()),
                "payout.deduction.tooHigh");
        assertRefused(() -> payouts.deduct(p.staff(), line.id(), new BigDecimal("1.005"), "分", confirmed.version()),
                "payout.deduction.invalid");

        PayoutLine after = payouts.deduct(p.staff(), line.id(), new BigDecimal("50.00"), "借支抵扣", confirmed.version());
        assertThat(after.amountPayable()).isEqualByComparingTo("750.00");
        assertThat(after.confirmations()).as("a changed amount voids the confirmations").isZero();
        assertThat(auditLog.historyOf(PayoutBatches.LINE, line.id())).extracting(AuditEntry::action)
                .contains("PAYOUT_LINE_DEDUCTED", "CONFIRMATIONS_VOIDED");
    }

    @Test
    void anOpenObjectionBlocksApprovalAndResolvingItMayRecomputeTheLine() {
        PayoutBatch batch = readyForApproval();
        PayoutLine half = batches.lines(p.staff(), batch.id()).stream()
                .filter(l -> l.workerId() == p.crew().get(3).getId()).findFirst().orElseThrow();
        long objection = objections.recordObjection(p.staff(), batch.id(), half.id(), "OTHER", "王小明（本人）", "5月30日下午在工地，少记半天");
        clock.advance(Duration.ofDays(8));
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), current(batch).version()),
                "payout.approve.openObjections");

        // the committee's approval of 30 May is corrected and the afternoon added, then reviewed again
        clock.set(MutableClock.START);
        reviews.correct(p.admin(), p.projectId(), PaidSite.TO, "本人异议：下午在岗，补录签到");
        p.s().device(p.crew().get(3), PaidSite.TO, 17, 0, 0, "gate-1");
        PaidSite.approve(reviews, p.s(), PaidSite.TO);
        objections.resolve(p.staff(), objection, "经核实补录下午签到，重新计算", true, 0);

        PayoutLine recomputed = batches.lines(p.staff(), batch.id()).stream().filter(l -> l.id() == half.id()).findFirst()
                .orElseThrow();
        assertThat(recomputed.amountPayable()).isEqualByComparingTo("800.00");
        assertThat(recomputed.confirmations()).isZero();
        clock.advance(Duration.ofDays(8));
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), current(batch).version()), "payout.approve.unconfirmed");
    }

    @Test
    void approvalIsForASecondAdministratorAfterTheNoticeWithEveryLineConfirmedTwice() {
        PayoutBatch batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), batch.version()), "payout.state.notPublicized");
        PayoutBatch publicized = payouts.publicize(p.staff(), batch.id(), batch.version());
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), publicized.version()), "payout.approve.noticeRunning");
        clock.advance(Duration.ofDays(7));
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), publicized.version()), "payout.approve.unconfirmed");
        confirmAll(batch);
        flow.calledBack(p, batch);
        assertThatThrownBy(() -> payouts.approve(p.staff(), batch.id(), publicized.version()))
                .isInstanceOf(AccessDeniedException.class);

        PayoutBatch approved = payouts.approve(p.checker(), batch.id(), publicized.version());
        assertThat(approved.status()).isEqualTo(BatchStatus.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo(p.checker().getUsername());
    }

    @Test
    void theAdministratorWhoPreparedABatchCannotApproveIt() {
        PayoutBatch batch = payouts.create(p.admin(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        PayoutBatch publicized = payouts.publicize(p.admin(), batch.id(), batch.version());
        confirmAll(batch);
        clock.advance(Duration.ofDays(8));
        assertRefused(() -> payouts.approve(p.admin(), batch.id(), publicized.version()), "payout.approve.maker");
        assertThatThrownBy(() -> jdbc.update("update payout_batch set approved_by = prepared_by where id = ?", batch.id()))
                .as("the database refuses it too").isInstanceOf(DataAccessException.class);
    }

    @Test
    void thePreparerCannotApproveEvenAfterSomeoneElseRecomputedEveryLine() {
        PayoutBatch batch = payouts.create(p.admin(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        PayoutBatch publicized = payouts.publicize(p.admin(), batch.id(), batch.version());
        payouts.recomputeAll(p.staff(), batch.id()); // the lines now say the staff member changed them last
        confirmAll(batch);
        clock.advance(Duration.ofDays(8));
        assertRefused(() -> payouts.approve(p.admin(), batch.id(), current(publicized).version()), "payout.approve.maker");
    }

    @Test
    void financeReleasesAndFromThenNoLineChanges() {
        PayoutBatch approved = approvedBatch();
        assertThatThrownBy(() -> payouts.release(p.checker(), approved.id(), approved.version()))
                .isInstanceOf(AccessDeniedException.class);
        PayoutBatch released = payouts.release(p.finance(), approved.id(), approved.version());
        assertThat(released.status()).isEqualTo(BatchStatus.RELEASED);
        PayoutLine line = lineOf(released, 0);
        assertThat(line.bankCardMasked()).contains("****");
        assertRefused(() -> payouts.deduct(p.staff(), line.id(), new BigDecimal("1.00"), "晚了", line.version()),
                "payout.state.locked");
        assertThatThrownBy(() -> jdbc.update("update payout_line set amount_due = 1, amount_payable = 1 where id = ?",
                line.id())).as("the database freezes released lines").isInstanceOf(DataAccessException.class);
        // a second release names who released it and when, not a rule about approval
        assertRefused(() -> payouts.release(p.finance(), approved.id(), released.version()), "payout.release.already",
                "测试FINANCE", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(released.releasedAt().atZone(clock.getZone())));
    }

    @Test
    void twoFinanceUsersReleasingAtOnceReleaseOnce() throws Exception {
        PayoutBatch approved = approvedBatch();
        var other = org.workrelief.account.Principals.of(new org.workrelief.support.Fixtures(accounts)
                .user(org.workrelief.account.Role.FINANCE, p.s().site().town()));
        List<Boolean> outcomes = race(List.of(() -> releases(p.finance(), approved), () -> releases(other, approved)));
        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        // the one who lost is told the batch was released, by whom (display name, not user name)
        assertThat(refusals).singleElement().satisfies(refused -> {
            assertThat(refused.getMessageKey()).isEqualTo("payout.release.already");
            assertThat(refused.getArgs()[0]).isEqualTo("测试FINANCE");
            assertThat(String.valueOf(refused.getArgs()[1])).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        });
        assertThat(auditLog.historyOf(PayoutBatches.ENTITY, approved.id()).stream()
                .filter(e -> e.action().equals("PAYOUT_BATCH_RELEASED"))).hasSize(1);
    }

    @Test
    void threeClerksConfirmingOneLineAtOnceLeaveTwoConfirmations() throws Exception {
        PayoutBatch batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        PayoutLine line = lineOf(batch, 0);
        ConfirmationSheet sheet = flow.sheet(p, batch.id());
        List<Callable<Boolean>> clerks = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String witness = p.crew().get(i).getWorkerCode();
            clerks.add(() -> {
                try {
                    confirmations.recordFromSheet(p.staff(), sheet.id(),
                            List.of(new ConfirmationService.SheetEntry(line.id(), witness)));
                    return true;
                }
                catch (BusinessRuleException | DataAccessException refused) {
                    return false;
                }
            });
        }
        assertThat(race(clerks)).containsOnlyOnce(false);
        assertThat(confirmations.confirmationsOf(p.staff(), batch.id()).stream().filter(c -> c.lineId() == line.id()))
                .hasSize(2);
    }

    // --- helpers ----------------------------------------------------------------------------

    PayoutBatch readyForApproval() {
        PayoutBatch batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        payouts.publicize(p.staff(), batch.id(), batch.version());
        confirmAll(batch);
        flow.calledBack(p, batch);
        return current(batch);
    }

    PayoutBatch approvedBatch() {
        PayoutBatch batch = readyForApproval();
        clock.advance(Duration.ofDays(8));
        return payouts.approve(p.checker(), batch.id(), current(batch).version());
    }

    void confirmAll(PayoutBatch batch) {
        assertThat(flow.attested(p, flow.recordedFromSheet(p, batch.id())).confirmations()).isEqualTo(8);
    }

    PayoutBatch current(PayoutBatch batch) {
        return batches.batch(p.staff(), batch.id());
    }

    PayoutLine lineOf(PayoutBatch batch, int crewIndex) {
        long worker = p.crew().get(crewIndex).getId();
        return batches.lines(p.staff(), batch.id()).stream().filter(l -> l.workerId() == worker).findFirst().orElseThrow();
    }

    private boolean releases(org.workrelief.account.SignedInUser who, PayoutBatch batch) {
        try {
            payouts.release(who, batch.id(), batch.version());
            return true;
        }
        catch (BusinessRuleException refused) {
            refusals.add(refused);
            return false;
        }
    }

    private final List<BusinessRuleException> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static List<Boolean> race(List<Callable<Boolean>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> outcome : pool.invokeAll(calls)) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        }
        finally {
            pool.shutdown();
        }
    }

    private int countBatches() {
        return jdbc.queryForObject("select count(*) from payout_batch where project_id = ?", Integer.class, p.projectId());
    }
}
