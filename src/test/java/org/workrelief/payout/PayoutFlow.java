package org.workrelief.payout;

import java.time.Duration;

import org.springframework.boot.test.context.TestComponent;
import org.workrelief.account.AccountService;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.DutyRosterService;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.MutableClock;

/**
 * Takes a {@link PaidSite}'s week through the payout states the way its people would: staff
 * computes and publicizes the batch and records the team's confirmations, the notice runs out
 * (the clock moves on 8 days), the second administrator approves and finance releases.
 */
@TestComponent
public class PayoutFlow {

    private final PayoutService payouts;
    private final ConfirmationService confirmations;
    private final MutableClock clock;
    private final SupervisedSites sites;
    private final AccountService accounts;
    private final DutyRosterService duty;
    private final DailyReviewService reviews;
    private final CallbackService callbacks;
    private final ConfirmationSheets sheets;
    private final PayoutBatches batches;

    PayoutFlow(PayoutService payouts, ConfirmationService confirmations, MutableClock clock, SupervisedSites sites,
            AccountService accounts, DutyRosterService duty, DailyReviewService reviews, CallbackService callbacks,
            ConfirmationSheets sheets, PayoutBatches batches) {
        this.batches = batches;
        this.callbacks = callbacks;
        this.sheets = sheets;
        this.payouts = payouts;
        this.confirmations = confirmations;
        this.clock = clock;
        this.sites = sites;
        this.accounts = accounts;
        this.duty = duty;
        this.reviews = reviews;
    }

    /** A new reviewed week (see {@link PaidSite}), the clock at the start of the test day. */
    public PaidSite site() {
        clock.set(MutableClock.START);
        return PaidSite.create(sites, accounts, duty, reviews);
    }

    public PayoutBatch publicized(PaidSite p) {
        PayoutBatch batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        return payouts.publicize(p.staff(), batch.id(), batch.version());
    }

    /** Staff uploads a photo of the team's signed sheet. */
    public ConfirmationSheet sheet(PaidSite p, long batchId) {
        return sheets.upload(p.staff(), batchId, p.s().site().team().getId(), "hz.png", SheetScans.png());
    }

    /**
     * Staff records from the sheet that each payee was vouched for by the members beside them (the
     * pairs the sheet suggests); the sheet still awaits the committee's check.
     */
    public ConfirmationSheet recordedFromSheet(PaidSite p, long batchId) {
        ConfirmationSheet sheet = sheet(p, batchId);
        java.util.List<ConfirmationService.SheetEntry> entries = new java.util.ArrayList<>();
        for (var t : confirmations.team(p.staff(), batchId, p.s().site().team().getId())) {
            t.suggested().forEach(w -> entries.add(new ConfirmationService.SheetEntry(t.line().id(), w.code())));
        }
        confirmations.recordFromSheet(p.staff(), sheet.id(), entries);
        return sheets.sheet(p.staff(), sheet.id());
    }

    /** A committee member who had no hand in the sheet opens its scan and attests it. */
    public ConfirmationSheet attested(PaidSite p, ConfirmationSheet sheet) {
        sheets.open(p.s().offDuty(), sheet.id());
        return sheets.attest(p.s().offDuty(), sheet.id(), sheets.sheet(p.s().offDuty(), sheet.id()).version());
    }

    /** Publicized, with every line confirmed by its neighbours in the team on an attested sheet. */
    public PayoutBatch confirmed(PaidSite p) {
        return confirmed(p, publicized(p));
    }

    public PayoutBatch confirmed(PaidSite p, PayoutBatch publicized) {
        attested(p, recordedFromSheet(p, publicized.id()));
        return batches.batch(p.staff(), publicized.id());
    }

    /** The committee member on duty calls every sampled worker back, each confirming the line as listed. */
    public PayoutBatch calledBack(PaidSite p, PayoutBatch batch) {
        for (CallbackCheck check : callbacks.checksOf(p.s().onDuty(), batch.id())) {
            if (check.open()) {
                callbacks.record(p.s().onDuty(), check.id(),
                        new CallbackService.Answer(true, CallbackCheck.SAME, null, check.amountPayable(), null, check.version()));
            }
        }
        return batches.batch(p.staff(), batch.id());
    }

    /** Confirmed, called back, the notice over, approved by the second administrator. */
    public PayoutBatch approved(PaidSite p) {
        PayoutBatch batch = calledBack(p, confirmed(p));
        clock.advance(Duration.ofDays(8));
        return payouts.approve(p.checker(), batch.id(), batch.version());
    }

    public PayoutBatch released(PaidSite p) {
        PayoutBatch batch = approved(p);
        return payouts.release(p.finance(), batch.id(), batch.version());
    }
}
