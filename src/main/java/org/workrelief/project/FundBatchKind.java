package org.workrelief.project;

import java.math.BigDecimal;

/**
 * The batch of central funds a project is paid from: 普通 (the regular annual plan) or the July 2025
 * extra batch (2025年增发), whose projects must pay at least 40% of the central funds as wages.
 */
public enum FundBatchKind {
    REGULAR(null), EXTRA_2025(new BigDecimal("40"));

    private final BigDecimal minimumSharePercent;

    FundBatchKind(BigDecimal minimumSharePercent) {
        this.minimumSharePercent = minimumSharePercent;
    }

    /** The share this batch requires at least, or null when the approval's own figure alone is the floor. */
    public BigDecimal minimumSharePercent() {
        return minimumSharePercent;
    }
}
