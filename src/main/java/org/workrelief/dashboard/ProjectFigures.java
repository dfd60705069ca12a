package org.workrelief.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.workrelief.project.Project;
import org.workrelief.common.Percentages;

/**
 * What officials judge a project by, each computed from records (never typed in): people enrolled
 * against the plan, head-counts, wages released against the plan and against central funds,
 * average income against the target, people trained against the plan, the schedule, and what is
 * overdue.
 */
public record ProjectFigures(Project project, long enrolled, BigDecimal averageHeadcount, long todayHeadcount,
        BigDecimal released, long paidWorkers, long trained, long overdueReviews, long latePayments, LocalDate today,
        BigDecimal shareThresholdPercent) {

    /** People enrolled above (positive) or below the plan, in percent of the plan; null without a plan. */
    public BigDecimal enrolledVsPlanPercent() {
        return vsPlan(BigDecimal.valueOf(enrolled), BigDecimal.valueOf(project.getPlannedWorkers()));
    }

    public BigDecimal releasedOfPlanPercent() {
        return Percentages.of(released, project.getPlannedRemuneration());
    }

    /** Wages released as a share of central funds (policy: at least the threshold). */
    public BigDecimal releasedShareOfCentralPercent() {
        return Percentages.of(released, project.getCentralFunds());
    }

    /** The planned wages as a share of central funds: the figure the policy's threshold applies to. */
    public BigDecimal plannedShareOfCentralPercent() {
        return Percentages.of(project.getPlannedRemuneration(), project.getCentralFunds());
    }

    /**
     * Below the project's floor ({@code shareThresholdPercent}: its approved share, raised to its fund
     * batch's minimum): the plan at any time; what was paid once it is completed (wages are released
     * month by month while it is built).
     */
    public boolean shareBelowThreshold() {
        return plannedShareBelowThreshold() || paidShareBelowThreshold();
    }

    /** The planned share is below the project's floor (its approved share, raised to its fund batch's minimum). */
    public boolean plannedShareBelowThreshold() {
        return below(plannedShareOfCentralPercent());
    }

    /** Once the project is completed, the share actually paid is below its floor. */
    public boolean paidShareBelowThreshold() {
        return project.getActualCompletion() != null && below(releasedShareOfCentralPercent());
    }

    /** The project's approved share: its approval's figure, or the default it took. */
    public BigDecimal approvedSharePercent() {
        BigDecimal approved = project.getApprovedSharePercent() != null ? project.getApprovedSharePercent()
                : shareThresholdPercent;
        return Percentages.plain(approved);
    }

    private boolean below(BigDecimal share) {
        return share != null && shareThresholdPercent != null && share.compareTo(shareThresholdPercent) < 0;
    }

    public BigDecimal averageIncome() {
        return paidWorkers == 0 ? null : released.divide(BigDecimal.valueOf(paidWorkers), 2, RoundingMode.HALF_UP);
    }

    /**
     * Days late (positive) or ahead (negative): a completed project against its planned completion;
     * an unfinished one counts as late once the planned date has passed. Null without a plan.
     */
    public Long scheduleDays() {
        LocalDate planned = project.getPlannedCompletion();
        if (planned == null) {
            return null;
        }
        if (project.getActualCompletion() != null) {
            return ChronoUnit.DAYS.between(planned, project.getActualCompletion());
        }
        return today.isAfter(planned) ? ChronoUnit.DAYS.between(planned, today) : null;
    }

    public Long daysToPlannedCompletion() {
        LocalDate planned = project.getPlannedCompletion();
        return planned == null || project.getActualCompletion() != null || today.isAfter(planned) ? null
                : ChronoUnit.DAYS.between(today, planned);
    }

    private static BigDecimal vsPlan(BigDecimal actual, BigDecimal plan) {
        return plan.signum() == 0 ? null
                : actual.subtract(plan).multiply(BigDecimal.valueOf(100)).divide(plan, 1, RoundingMode.HALF_UP);
    }
}
