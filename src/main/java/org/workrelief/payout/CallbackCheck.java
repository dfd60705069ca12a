package org.workrelief.payout;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One sampled line's call-back: the worker reached or not, the answer ({@code SAME} / {@code DIFFERS})
 * with the line as the worker was asked about it ({@code daysChecked}, {@code payableChecked}), and for an
 * answer that differs the administrator's resolution: the line corrected ({@code CORRECTED}, with the line
 * as it then stood) or a written decision ({@code DECIDED}). {@code days} and {@code amountPayable} are the
 * line as it stands now.
 */
public record CallbackCheck(long id, long batchId, long lineId, int position, String workerCode, String workerName,
        long workerId, BigDecimal days, BigDecimal amountPayable, Boolean reached, String worked, String differsHow,
        BigDecimal expectedAmount, String note, String checkedBy, Instant checkedAt, int attempts, String lastAttemptBy,
        Instant lastAttemptAt, BigDecimal daysChecked, BigDecimal payableChecked, Long lineVersionChecked,
        String resolutionKind, String resolution, String resolvedBy, Instant resolvedAt, BigDecimal daysResolved,
        BigDecimal payableResolved, long version) {

    public static final String SAME = "SAME";
    public static final String DIFFERS = "DIFFERS";
    /** Resolved by correcting the line: a deduction, or the days corrected in the daily review and the batch recomputed. */
    public static final String CORRECTED = "CORRECTED";
    /** Resolved by an administrator's written decision, the line left as it is. */
    public static final String DECIDED = "DECIDED";

    /** Not yet answered (an attempt that did not reach the worker leaves it open). */
    public boolean open() {
        return worked == null;
    }

    public boolean differs() {
        return DIFFERS.equals(worked);
    }

    /** An answer that differs, not resolved, or resolved as corrected and the line changed again since. */
    public boolean awaitingDecision() {
        return differs() && (resolutionKind == null || correctionOutdated());
    }

    /** A resolution was recorded (it may be outdated: see {@link #correctionOutdated()}). */
    public boolean resolved() {
        return resolutionKind != null;
    }

    /**
     * Resolved as corrected, and the line's days or amount are no longer the ones the administrator accepted
     * (the correction was changed or undone): the difference waits for a resolution again.
     */
    public boolean correctionOutdated() {
        return CORRECTED.equals(resolutionKind) && daysResolved != null && payableResolved != null
                && (days.compareTo(daysResolved) != 0 || amountPayable.compareTo(payableResolved) != 0);
    }

    /**
     * The line's days or amount are no longer what the worker was asked about (a deduction, or a recompute
     * after the days were corrected in the daily review). A change that was undone again does not show here.
     */
    public boolean lineChangedSinceChecked() {
        return daysChecked != null && payableChecked != null
                && (days.compareTo(daysChecked) != 0 || amountPayable.compareTo(payableChecked) != 0);
    }

    /** OPEN, SAME, DIFFERS (unresolved), CORRECTED or DECIDED: the key suffix of its state on screen. */
    public String state() {
        if (open()) {
            return "OPEN";
        }
        if (differs()) {
            return awaitingDecision() ? DIFFERS : resolutionKind;
        }
        return SAME;
    }
}
