package org.workrelief.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one way a share is turned into a percentage on every screen and report (劳务报酬占比 on the
 * project page, the dashboards, the statistical report and the sign board's 资金使用公告), so the figures
 * an official compares between them are always equal.
 */
public final class Percentages {

    private Percentages() {
    }

    /** {@code part} as a percentage of {@code whole}, one decimal, half up; null without a part or a whole. */
    public static BigDecimal of(BigDecimal part, BigDecimal whole) {
        return part == null || whole == null || whole.signum() == 0 ? null
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

    /** A stored percentage as an official writes it: 40.00 as 40, 32.50 as 32.5. */
    public static BigDecimal plain(BigDecimal percent) {
        return percent == null ? null : new BigDecimal(percent.stripTrailingZeros().toPlainString());
    }
}
