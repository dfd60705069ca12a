package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workrelief.support.Refusals.assertRefused;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/** The remaining refusals of the payout flow, one each. */
@IntegrationTest
class PayoutRefusalTests {

    @Autowired PayoutFlow flow;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired ConfirmationService confirmations;
    @Autowired BatchComplaints objections;
    @Autowired BankService bank;
    @Autowired DataProtector protector;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    PaidSite p;
    PayoutBatch batch;

    @BeforeEach
    void setUp() {
        p = flow.site();
        batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
    }

    @Test
    void objectionsAreRecordedDuringTheNoticeAndComplete() {
        assertRefused(() -> objections.recordObjection(p.staff(), batch.id(), null, "OTHER", "村民", "少记"), "payout.objection.notPublicized");
        payouts.publicize(p.staff(), batch.id(), batch.version());
        assertRefused(() -> objections.recordObjection(p.staff(), batch.id(), null, "OTHER", " ", "少记"), "payout.objection.incomplete");
        long id = objections.recordObjection(p.staff(), batch.id(), null, "OTHER", "村民", "少记");
        assertRefused(() -> objections.resolve(p.staff(), id, " ", false, 0), "payout.objection.resolution.required");
        objections.resolve(p.staff(), id, "已解释", false, 0);
        assertRefused(() -> objections.resolve(p.staff(), id, "再次", false, 0), "complaint.stale");
    }

    @Test
    void aDeductionReasonIsShort() {
        PayoutLine line = batches.lines(p.staff(), batch.id()).get(0);
        assertRefused(() -> payouts.deduct(p.staff(), line.id(), BigDecimal.ONE, "很".repeat(201), line.version()),
                "payout.deduction.reasonTooLong");
    }

    @Test
    void releaseNeedsEveryWorkersBankCard() {
        PayoutBatch approved = approve();
        jdbc.update("update worker set bank_card_cipher = null, bank_card_hash = null, bank_card_masked = null where id = ?",
                p.crew().get(1).getId());
        assertRefused(() -> payouts.release(p.finance(), approved.id(), approved.version()), "payout.release.noCard");
    }

    @Test
    void bankFilesResultsAndFollowUpsWaitForRelease() {
        assertRefused(() -> bank.writeBankFile(p.finance(), batch.id(), BankService.Format.CSV, new ByteArrayOutputStream()),
                "payout.bankFile.notReleased");
        assertRefused(() -> bank.importResults(p.finance(), batch.id(), "r.csv", new ByteArrayInputStream(new byte[0])),
                "payout.results.notReleased");
        assertRefused(() -> bank.reissueFailed(p.staff(), batch.id()), "payout.reissue.notReleased");
    }

    @Test
    void aBankResultIsTakenOnceWithAReadableAmountAndAFollowUpNeedsAFailure() throws Exception {
        PayoutBatch approved = approve();
        PayoutBatch released = payouts.release(p.finance(), approved.id(), approved.version());
        String card = protector.decrypt(jdbc.queryForObject("select bank_card_cipher from worker where id = ?", String.class,
                p.crew().get(0).getId()));
        assertThat(bank.importResults(p.finance(), released.id(), "r.csv", results(List.of(card, "八百", "成功")))
                .errors()).extracting(e -> e.messageKey()).containsExactly("payout.results.amountFormat");
        assertThat(bank.importResults(p.finance(), released.id(), "r.csv", results(List.of(card, "800.00", "成功")))
                .errors()).isEmpty();
        assertThat(bank.importResults(p.finance(), released.id(), "r.csv", results(List.of(card, "800.00", "成功")))
                .errors()).extracting(e -> e.messageKey()).containsExactly("payout.results.alreadyAnswered");
        assertRefused(() -> bank.reissueFailed(p.staff(), released.id()), "payout.reissue.nothing");
    }

    @Test
    void discardingABatchPastItsDraftIsRefusedAsADiscard() {
        PayoutBatch approved = approve();
        assertRefused(() -> payouts.discard(p.staff(), approved.id(), approved.version()), "payout.discard.notDraft");
        PayoutBatch released = payouts.release(p.finance(), approved.id(), approved.version());
        assertRefused(() -> payouts.discard(p.staff(), released.id(), released.version()), "payout.discard.notDraft");
        assertThat(batches.batch(p.staff(), batch.id()).status()).isEqualTo(BatchStatus.RELEASED);
    }

    @Test
    void aDeductionTypedAsTextIsRefusedByTheDeductionRule() {
        for (String typed : List.of("abc", "NaN", "1e3", "-5", "Infinity")) {
            assertRefused(() -> PayoutService.deductionAmount(typed), "payout.deduction.invalid");
        }
        assertThat(PayoutService.deductionAmount(" 1,200.5 ")).isEqualByComparingTo("1200.5");
        assertThat(PayoutService.deductionAmount(" ")).isNull();
    }

    private PayoutBatch approve() {
        PayoutBatch confirmed = flow.calledBack(p, flow.confirmed(p, payouts.publicize(p.staff(), batch.id(), batch.version())));
        clock.advance(Duration.ofDays(8));
        return payouts.approve(p.checker(), batch.id(), confirmed.version());
    }

    private static ByteArrayInputStream results(List<String> row) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.csv(List.of("银行卡号", "金额", "结果"), List.of(row), out);
        return new ByteArrayInputStream(out.toByteArray());
    }
}
