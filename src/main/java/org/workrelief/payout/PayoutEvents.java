package org.workrelief.payout;

import java.util.List;

/**
 * What happened to a batch that others may want to hear of (the workers' text messages): published
 * inside the transaction that made it happen, so a listener that writes in that transaction commits
 * or rolls back with it. The payout module knows no listener.
 */
public final class PayoutEvents {

    private PayoutEvents() {
    }

    /** 公示 started: the notice is public until the batch's notice_until. */
    public record NoticeStarted(long batchId) {
    }

    /** Finance released the batch: each line's wage goes to the bank with the card it took. */
    public record Released(long batchId) {
    }

    /** The bank answered for these lines of the batch: paid, or failed with the bank's reason. */
    public record BankAnswered(long batchId, List<Long> paidLineIds, List<Long> failedLineIds) {

        public BankAnswered {
            paidLineIds = List.copyOf(paidLineIds);
            failedLineIds = List.copyOf(failedLineIds);
        }
    }
}
