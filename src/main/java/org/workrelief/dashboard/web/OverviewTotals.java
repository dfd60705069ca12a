package org.workrelief.dashboard.web;

import java.math.BigDecimal;
import java.util.List;

import org.workrelief.dashboard.ProjectFigures;

/** The town overview's totals row: sums over the projects shown. */
record OverviewTotals(long projects, long plannedWorkers, long enrolled, BigDecimal plannedRemuneration, BigDecimal released,
        long trained, long plannedTrainees, long overdueReviews, long latePayments) {

    static OverviewTotals of(List<ProjectFigures> figures) {
        return new OverviewTotals(figures.size(),
                figures.stream().mapToLong(f -> f.project().getPlannedWorkers()).sum(),
                figures.stream().mapToLong(ProjectFigures::enrolled).sum(),
                figures.stream().map(f -> f.project().getPlannedRemuneration()).reduce(BigDecimal.ZERO, BigDecimal::add),
                figures.stream().map(ProjectFigures::released).reduce(BigDecimal.ZERO, BigDecimal::add),
                figures.stream().mapToLong(ProjectFigures::trained).sum(),
                figures.stream().mapToLong(f -> f.project().getPlannedTrainees()).sum(),
                figures.stream().mapToLong(ProjectFigures::overdueReviews).sum(),
                figures.stream().mapToLong(ProjectFigures::latePayments).sum());
    }
}
