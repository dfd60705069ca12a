package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workrelief.support.Refusals.assertRefused;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.workrelief.common.NotFoundException;
import org.workrelief.payout.ConfirmationService.Method;
import org.workrelief.payout.ConfirmationService.SheetEntry;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.worker.PinForm;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerPins;

/**
 * Rule 8 as evidence: a confirmation counts only when the witness gave it with their own PIN, or it
 * stands on a signed sheet a committee member who had no hand in it attested; the release gate counts
 * nothing else, at approval and again at release, and says which lines lack what.
 */
@IntegrationTest
class ConfirmationEvidenceTests {

    @Autowired PayoutFlow flow;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired ConfirmationService confirmations;
    @Autowired ConfirmationSheets sheets;
    @Autowired WorkerPins pins;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    PaidSite p;
    PayoutBatch batch;

    @BeforeEach
    void setUp() {
        p = flow.site();
        batch = flow.publicized(p);
    }

    @Test
    void confirmationsOnASheetNobodyAttestedDoNotCountAndTheGateNamesTheLines() {
        ConfirmationSheet sheet = flow.recordedFromSheet(p, batch.id());
        assertThat(sheet.confirmations()).isEqualTo(8);
        assertThat(batches.lines(p.staff(), batch.id())).allSatisfy(l -> assertThat(l.confirmations()).isZero());
        PayoutBatch ready = readyForApproval();
        assertRefused(() -> payouts.approve(p.checker(), ready.id(), ready.version()), "payout.approve.unconfirmed", 4,
                p.crew().get(0).getWorkerCode() + " " + p.crew().get(0).getName() + " 0/2", 8);

        flow.attested(p, sheet);
        assertThat(batches.lines(p.staff(), batch.id())).allSatisfy(l -> assertThat(l.confirmed()).isTrue());
        assertThat(payouts.approve(p.checker(), ready.id(), ready.version()).status()).isEqualTo(BatchStatus.APPROVED);
    }

    @Test
    void confirmationsTypedWithoutEvidenceDoNotCount() {
        for (PayoutLine line : batches.lines(p.staff(), batch.id())) {
            List<Worker> others = p.crew().stream().filter(w -> w.getId() != line.workerId()).toList();
            for (int slot = 1; slot <= 2; slot++) {
                jdbc.update("""
                        insert into cross_confirmation (line_id, slot, witness_worker_id, payee_worker_id, method, sheet_ref,
                                                        created_at, created_by, updated_at)
                        values (?, ?, ?, ?, 'TYPED', 'HZ-OLD', now(), 'sun', now())
                        """, line.id(), slot, others.get(slot - 1).getId(), line.workerId());
            }
        }
        PayoutBatch ready = readyForApproval();
        assertRefused(() -> payouts.approve(p.checker(), ready.id(), ready.version()), "payout.approve.unconfirmed", 4);
    }

    @Test
    void aSheetConfirmationNeedsAnUploadedSheetAndTheDatabaseSaysSoToo() {
        assertThatThrownBy(() -> confirmations.recordFromSheet(p.staff(), 999_999L,
                List.of(new SheetEntry(line(0).id(), p.crew().get(1).getWorkerCode())))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> jdbc.update("""
                insert into cross_confirmation (line_id, slot, witness_worker_id, payee_worker_id, method, created_at, updated_at)
                values (?, 1, ?, ?, 'SHEET', now(), now())
                """, line(0).id(), p.crew().get(1).getId(), line(0).workerId()))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
    }

    @Test
    void aWholeTeamFromASheetIsRecordedOrNothingAndEachRefusedLineIsNamed() {
        ConfirmationSheet sheet = flow.sheet(p, batch.id());
        List<SheetEntry> entries = List.of(new SheetEntry(line(0).id(), p.crew().get(1).getWorkerCode()),
                new SheetEntry(line(1).id(), p.crew().get(1).getWorkerCode()),
                new SheetEntry(line(2).id(), "无此人"));
        assertRefused(() -> confirmations.recordFromSheet(p.staff(), sheet.id(), entries), "payout.sheet.refused", 2,
                "payout.witness.PAYEE", "payout.confirm.witness.unknown", p.crew().get(1).getWorkerCode());
        assertThat(confirmations.confirmationsOf(p.staff(), batch.id())).as("all or nothing").isEmpty();
    }

    @Test
    void theUploaderCannotAttestTheirOwnSheet() {
        ConfirmationSheet sheet = sheets.upload(p.s().offDuty(), batch.id(), team(), "hz.png", SheetScans.png());
        confirmations.recordFromSheet(p.staff(), sheet.id(), List.of(new SheetEntry(line(0).id(),
                p.crew().get(1).getWorkerCode())));
        sheets.open(p.s().offDuty(), sheet.id());
        assertRefused(() -> sheets.attest(p.s().offDuty(), sheet.id(), version(sheet)), "payout.sheet.attest.uploader");
    }

    @Test
    void whoeverRecordedFromTheSheetCannotAttestItAnotherMemberCan() {
        ConfirmationSheet sheet = flow.sheet(p, batch.id());
        confirmations.recordFromSheet(p.s().offDuty(), sheet.id(), List.of(new SheetEntry(line(0).id(),
                p.crew().get(1).getWorkerCode())));
        sheets.open(p.s().offDuty(), sheet.id());
        assertRefused(() -> sheets.attest(p.s().offDuty(), sheet.id(), version(sheet)), "payout.sheet.attest.recorder");
        assertRefused(() -> sheets.attest(p.s().third(), sheet.id(), version(sheet)), "payout.sheet.attest.notOpened");
        sheets.open(p.s().third(), sheet.id());
        ConfirmationSheet attested = sheets.attest(p.s().third(), sheet.id(), version(sheet));
        assertThat(attested.attestedBy()).isEqualTo(p.s().third().getUsername());
        assertThat(line(0).confirmations()).isEqualTo(1);
        assertRefused(() -> confirmations.recordFromSheet(p.staff(), sheet.id(), List.of(new SheetEntry(line(1).id(),
                p.crew().get(0).getWorkerCode()))), "payout.sheet.closed");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SHEET_ATTESTED' and entity_id = ?",
                Integer.class, String.valueOf(sheet.id()))).isEqualTo(1);
    }

    @Test
    void onlyTheCommitteeAttestsAndOnlyInItsOwnTown() {
        ConfirmationSheet sheet = flow.recordedFromSheet(p, batch.id());
        assertThatThrownBy(() -> sheets.attest(p.staff(), sheet.id(), version(sheet))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sheets.attest(p.finance(), sheet.id(), version(sheet))).isInstanceOf(AccessDeniedException.class);
        PaidSite elsewhere = flow.site();
        assertThatThrownBy(() -> sheets.attest(elsewhere.s().offDuty(), sheet.id(), version(sheet)))
                .isInstanceOf(NotFoundException.class);
        assertThat(sheets.sheet(p.staff(), sheet.id()).attested()).isFalse();
    }

    @Test
    void theUploadIsJudgedByItsContentAndFingerprinted() {
        assertRefused(() -> sheets.upload(p.staff(), batch.id(), team(), "scan.png", "not an image".getBytes()),
                "payout.sheet.type");
        assertRefused(() -> sheets.upload(p.staff(), batch.id(), team(), "scan.png", new byte[0]), "payout.sheet.empty");
        assertRefused(() -> SheetFile.of("big.pdf", "%PDF-1.4 0123456789".getBytes(), 10), "payout.sheet.tooLarge");
        byte[] scan = SheetScans.png(17);
        ConfirmationSheet sheet = sheets.upload(p.staff(), batch.id(), team(), "C:\\scans\\hz \"1\".png", scan);
        assertThat(sheet.contentType()).isEqualTo("image/png");
        assertThat(sheet.fileName()).isEqualTo("hz 1.png");
        assertThat(sheet.sha256()).isEqualTo(SheetFile.sha256(scan));
        assertThat(sheets.open(p.staff(), sheet.id()).content()).isEqualTo(scan);
        assertThat(SheetFile.typeOf("%PDF-1.7".getBytes())).contains("application/pdf");
    }

    @Test
    void aWitnessConfirmsWithTheirOwnPinAndAWrongPinRecordsNothing() {
        Worker witness = p.crew().get(1);
        pins.set(p.staff(), witness.getId(), new PinForm("", "480251", "480251"));
        assertRefused(() -> confirmations.confirmByPin(p.staff(), line(0).id(), witness.getWorkerCode(), "480252"),
                "worker.pin.wrong");
        assertThat(confirmations.confirmationsOf(p.staff(), batch.id())).isEmpty();
        Confirmation given = confirmations.confirmByPin(p.staff(), line(0).id(), witness.getWorkerCode().toLowerCase(),
                "480251");
        assertThat(given.method()).isEqualTo(Method.PIN);
        assertThat(given.counts()).isTrue();
        assertThat(line(0).confirmations()).isEqualTo(1);
        assertRefused(() -> confirmations.confirmByPin(p.staff(), line(1).id(), witness.getWorkerCode(), "480251"),
                "payout.witness.PAYEE");
    }

    @Test
    void releaseAsksTheGateAgain() {
        flow.confirmed(p, batch);
        PayoutBatch ready = readyForApproval();
        PayoutBatch approved = payouts.approve(p.checker(), ready.id(), ready.version());
        // evidence withdrawn behind the software's back after approval: release still refuses
        jdbc.update("update confirmation_sheet set attested_by = null, attested_at = null where batch_id = ?", batch.id());
        assertRefused(() -> payouts.release(p.finance(), approved.id(), approved.version()), "payout.approve.unconfirmed");
    }

    /** Called back and the notice over. */
    private PayoutBatch readyForApproval() {
        PayoutBatch called = flow.calledBack(p, batches.batch(p.staff(), batch.id()));
        if (clock.instant().isBefore(called.noticeUntil())) {
            clock.advance(Duration.ofDays(8));
        }
        return batches.batch(p.staff(), called.id());
    }

    private PayoutLine line(int crewIndex) {
        long worker = p.crew().get(crewIndex).getId();
        return batches.lines(p.staff(), batch.id()).stream().filter(l -> l.workerId() == worker).findFirst().orElseThrow();
    }

    private long team() {
        return p.s().site().team().getId();
    }

    private long version(ConfirmationSheet sheet) {
        return sheets.sheet(p.staff(), sheet.id()).version();
    }
}
