package org.workrelief.report;

import java.math.BigDecimal;

/** A missing figure of the report counts as zero. */
public final class ReportFigures {

    private ReportFigures() {
    }

    static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
