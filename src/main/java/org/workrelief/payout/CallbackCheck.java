package org.workrelief.payout;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One sampled line's call-back: the worker reached or not, the answer ({@code SAME} / {@code DIFFERS}),
 * and for an answer that differs the administrator's decision.
 */
public record CallbackCheck(long id, long batchId, long lineId, int position, String workerCode, String workerName,
        long workerId, BigDecimal days, BigDecimal amountPayable, Boolean reached, String worked, String differsHow,
        BigDecimal expectedAmount, String note, String checkedBy, Instant checkedAt, int attempts, String lastAttemptBy,
        Instant lastAttemptAt, String resolution, String resolvedBy, Instant resolvedAt, long version) {

    public static final String SAME = "SAME";
    public static final String DIFFERS = "DIFFERS";

    /** Not yet answered (an attempt that did not reach the worker leaves it open). */
    public boolean open() {
        return worked == null;
    }

    public boolean differs() {
        return DIFFERS.equals(worked);
    }

    public boolean awaitingDecision() {
        return differs() && resolution == null;
    }

    /** OPEN, SAME, DIFFERS (undecided) or RESOLVED: the key suffix of its state on screen. */
    public String state() {
        if (open()) {
            return "OPEN";
        }
        if (differs()) {
            return resolution == null ? "DIFFERS" : "RESOLVED";
        }
        return "SAME";
    }
}
