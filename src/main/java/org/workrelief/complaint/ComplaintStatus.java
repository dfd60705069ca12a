package org.workrelief.complaint;

import java.util.Set;

/**
 * 已受理 → 处理中 → 已办结 / 已驳回. An open complaint (accepted or in progress) may be closed, answered
 * or rejected with a reason; a closed one never moves again.
 */
public enum ComplaintStatus {
    ACCEPTED, IN_PROGRESS, RESOLVED, REJECTED;

    public static final Set<ComplaintStatus> OPEN = Set.of(ACCEPTED, IN_PROGRESS);

    public boolean open() {
        return OPEN.contains(this);
    }

    /** Whether a complaint in this status may move to {@code next}. */
    public boolean mayMoveTo(ComplaintStatus next) {
        return switch (this) {
            case ACCEPTED -> next == IN_PROGRESS || next == RESOLVED || next == REJECTED;
            case IN_PROGRESS -> next == RESOLVED || next == REJECTED;
            case RESOLVED, REJECTED -> false;
        };
    }

    public String labelKey() {
        return "complaint.status." + name();
    }
}
