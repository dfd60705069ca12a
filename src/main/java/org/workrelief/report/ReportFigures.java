package org.workrelief.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.workrelief.project.Project;

/** The few derived figures of the report, each in one place. */
public final class ReportFigures {

    private ReportFigures() {
    }

    /** 总投资: central + local funds + other (social capital); a missing part counts as zero. */
    public static BigDecimal totalInvestment(Project project) {
        return orZero(project.getCentralFunds()).add(orZero(project.getLocalFunds())).add(orZero(project.getSocialCapital()));
    }

    /**
     * 劳务报酬占中央资金比例: wages released ÷ central funds, in percent with one decimal (half up), or
     * null without central funds. Computed here for the report (the same division as the project
     * dashboard's figure, ProjectFigures#releasedShareOfCentralPercent).
     */
    public static BigDecimal paidSharePercent(BigDecimal released, BigDecimal centralFunds) {
        if (centralFunds == null || centralFunds.signum() == 0) {
            return null;
        }
        return orZero(released).multiply(BigDecimal.valueOf(100)).divide(centralFunds, 1, RoundingMode.HALF_UP);
    }

    static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
