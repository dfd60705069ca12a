package org.workrelief.report;

import java.math.BigDecimal;

import org.workrelief.project.Project;

/** The few derived figures of the report, each in one place. */
public final class ReportFigures {

    private ReportFigures() {
    }

    /** 总投资: central + local funds + other (social capital); a missing part counts as zero. */
    public static BigDecimal totalInvestment(Project project) {
        return orZero(project.getCentralFunds()).add(orZero(project.getLocalFunds())).add(orZero(project.getSocialCapital()));
    }

    static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
