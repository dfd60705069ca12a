package org.workrelief.attendance;

import java.math.BigDecimal;

/** 考勤日: FULL with both sign-ins, HALF with one (flagged for the daily review), ABSENT with none. */
public enum DayStatus {
    FULL(BigDecimal.ONE), HALF(new BigDecimal("0.5")), ABSENT(BigDecimal.ZERO);

    private final BigDecimal days;

    DayStatus(BigDecimal days) {
        this.days = days;
    }

    public static DayStatus of(boolean am, boolean pm) {
        return am && pm ? FULL : am || pm ? HALF : ABSENT;
    }

    /** Days worked: FULL 1, HALF 0.5, ABSENT 0. */
    public BigDecimal days() {
        return days;
    }
}
