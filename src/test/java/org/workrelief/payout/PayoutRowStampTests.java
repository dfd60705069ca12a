package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workrelief.support.RowStamps.created;
import static org.workrelief.support.RowStamps.micros;
import static org.workrelief.support.RowStamps.updated;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workrelief.support.RowStamps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/**
 * Payout's rows carry who wrote them and when, as {@code common/db/RowStamp} writes them: a batch, its lines, a sheet
 * and a confirmation are created and updated by the user at the clock's instant (version 0); a deduction, a state
 * move, the notice a deduction extends and an attestation stamp the update only and move the version on; who approved
 * or attested, and when, are the update's own user and instant.
 */
@IntegrationTest
class PayoutRowStampTests {

    @Autowired PayoutFlow flow;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired ConfirmationSheets sheets;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    @Test
    void aNewBatchAndItsLinesAreStampedCreatedAndPublicizingStampsTheBatchsUpdate() {
        Instant created = clock.instant();
        PayoutBatch batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        String staff = p.staff().getUsername();
        assertThat(RowStamps.of(jdbc, "payout_batch", "id", batch.id())).containsExactlyInAnyOrderEntriesOf(
                created(staff, created));
        List<PayoutLine> lines = batches.lines(p.staff(), batch.id());
        assertThat(lines).hasSize(p.crew().size());
        lines.forEach(line -> assertThat(RowStamps.of(jdbc, "payout_line", "id", line.id()))
                .containsExactlyInAnyOrderEntriesOf(created(staff, created)));

        clock.advance(Duration.ofMinutes(20));
        Instant publicized = clock.instant();
        PayoutBatch after = payouts.publicize(p.staff(), batch.id(), batch.version());
        assertThat(RowStamps.of(jdbc, "payout_batch", "id", batch.id())).containsExactlyInAnyOrderEntriesOf(
                updated(staff, created, staff, publicized, 1));
        assertThat(after.publicizedAt()).isEqualTo(micros(publicized));
    }

    @Test
    void aDeductionStampsTheLineAndTheNoticeItExtendsAndApprovalIsTheApproversStamp() {
        Instant created = clock.instant();
        PayoutBatch batch = flow.publicized(p);
        String staff = p.staff().getUsername();
        PayoutLine line = batches.lines(p.staff(), batch.id()).get(0);
        PayoutBatch publicized = batches.batch(p.staff(), batch.id());

        clock.advance(Duration.ofHours(1));
        Instant deducted = clock.instant();
        payouts.deduct(p.admin(), line.id(), new BigDecimal("10.00"), "借支", line.version());
        String admin = p.admin().getUsername();
        assertThat(RowStamps.of(jdbc, "payout_line", "id", line.id())).containsExactlyInAnyOrderEntriesOf(
                updated(staff, created, admin, deducted, line.version() + 1));
        assertThat(RowStamps.of(jdbc, "payout_batch", "id", batch.id())).as("the notice runs again from the changed amount")
                .containsExactlyInAnyOrderEntriesOf(updated(staff, created, admin, deducted, publicized.version() + 1));
        assertThat(batches.batch(p.staff(), batch.id()).noticeUntil()).isEqualTo(deducted.plus(Duration.ofDays(7)));

        PayoutBatch confirmed = flow.calledBack(p, flow.confirmed(p, batches.batch(p.staff(), batch.id())));
        clock.advance(Duration.ofDays(8));
        Instant approved = clock.instant();
        PayoutBatch after = payouts.approve(p.checker(), batch.id(), confirmed.version());
        String checker = p.checker().getUsername();
        assertThat(RowStamps.of(jdbc, "payout_batch", "id", batch.id())).containsExactlyInAnyOrderEntriesOf(
                updated(staff, created, checker, approved, confirmed.version() + 1));
        assertThat(after.approvedBy()).isEqualTo(checker);
        assertThat(after.approvedAt()).isEqualTo(micros(approved));
    }

    @Test
    void aSheetAndItsConfirmationsAreStampedCreatedAndTheAttestationStampsTheSheetsUpdate() {
        PayoutBatch batch = flow.publicized(p);
        clock.advance(Duration.ofMinutes(5));
        Instant recorded = clock.instant();
        ConfirmationSheet sheet = flow.recordedFromSheet(p, batch.id());
        String staff = p.staff().getUsername();
        assertThat(RowStamps.of(jdbc, "confirmation_sheet", "id", sheet.id())).containsExactlyInAnyOrderEntriesOf(
                created(staff, recorded));
        List<Long> confirmations = jdbc.queryForList("select id from cross_confirmation where sheet_id = ?", Long.class,
                sheet.id());
        assertThat(confirmations).isNotEmpty();
        confirmations.forEach(id -> assertThat(RowStamps.of(jdbc, "cross_confirmation", "id", id))
                .containsExactlyInAnyOrderEntriesOf(created(staff, recorded)));

        clock.advance(Duration.ofMinutes(30));
        Instant attested = clock.instant();
        ConfirmationSheet after = flow.attested(p, sheet);
        String member = p.s().offDuty().getUsername();
        assertThat(RowStamps.of(jdbc, "confirmation_sheet", "id", sheet.id())).containsExactlyInAnyOrderEntriesOf(
                updated(staff, recorded, member, attested, sheet.version() + 1));
        assertThat(after.attestedBy()).isEqualTo(member);
        assertThat(after.attestedAt()).isEqualTo(micros(attested));
        assertThat(sheets.sheet(p.staff(), sheet.id()).attested()).isTrue();
    }
}
