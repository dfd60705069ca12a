package org.workrelief.project;

import java.math.BigDecimal;

import org.workrelief.common.Percentages;

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
        return new LabourShare(Percentages.plain(approved != null ? approved : fallbackPercent), approved == null,
                Percentages.plain(project.labourShareFloorPercent(fallbackPercent)),
                Percentages.of(project.getPlannedRemuneration(), project.getCentralFunds()),
                Percentages.of(released, project.getCentralFunds()), released);
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
}
