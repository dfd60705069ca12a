package org.workrelief.project;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 劳务报酬占比 of a project, side by side: the approved share (from the approval document, or the
 * town's or county's default when the project names none), the floor it must reach (the approved share
 * raised to its fund batch's minimum), the planned share (planned wages ÷ central funds) and the paid
 * share (wages released ÷ central funds). Percentages with one decimal; null without central funds.
 */
public record LabourShare(BigDecimal approvedPercent, boolean approvedFromDefault, BigDecimal floorPercent,
        BigDecimal plannedPercent, BigDecimal paidPercent, BigDecimal released) {

    static LabourShare of(Project project, BigDecimal fallbackPercent, BigDecimal released) {
        BigDecimal approved = project.getApprovedSharePercent();
        return new LabourShare(plain(approved != null ? approved : fallbackPercent), approved == null,
                plain(project.labourShareFloorPercent(fallbackPercent)),
                percent(project.getPlannedRemuneration(), project.getCentralFunds()),
                percent(released, project.getCentralFunds()), released);
    }

    public boolean plannedBelowFloor() {
        return below(plannedPercent);
    }

    public boolean paidBelowFloor() {
        return below(paidPercent);
    }

    private boolean below(BigDecimal share) {
        return share != null && floorPercent != null && share.compareTo(floorPercent) < 0;
    }

    /** 40.00 shown as 40, 32.50 as 32.5. */
    static BigDecimal plain(BigDecimal percent) {
        return percent == null ? null : new BigDecimal(percent.stripTrailingZeros().toPlainString());
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part == null || whole == null || whole.signum() == 0 ? null
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
