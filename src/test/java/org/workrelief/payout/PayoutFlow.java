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

    PayoutFlow(PayoutService payouts, ConfirmationService confirmations, MutableClock clock, SupervisedSites sites,
            AccountService accounts, DutyRosterService duty, DailyReviewService reviews, CallbackService callbacks) {
        this.callbacks = callbacks;
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

    /** Publicized, with every line confirmed by its neighbours in the team. */
    public PayoutBatch confirmed(PaidSite p) {
        return confirmed(p, publicized(p));
    }

    public PayoutBatch confirmed(PaidSite p, PayoutBatch publicized) {
        confirmations.confirmTeamInPairs(p.staff(), publicized.id(), p.s().site().team().getId(), "HZ-2025-05");
        return payouts.batch(p.staff(), publicized.id());
    }

    /** The committee member on duty calls every sampled worker back, each confirming the line as listed. */
    public PayoutBatch calledBack(PaidSite p, PayoutBatch batch) {
        for (CallbackCheck check : callbacks.checksOf(p.s().onDuty(), batch.id())) {
            if (check.open()) {
                callbacks.record(p.s().onDuty(), check.id(),
                        new CallbackService.Answer(true, CallbackCheck.SAME, null, check.amountPayable(), null, check.version()));
            }
        }
        return payouts.batch(p.staff(), batch.id());
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
