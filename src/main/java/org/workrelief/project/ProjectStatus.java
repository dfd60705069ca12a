package org.workrelief.project;

/** The life of a project; it only ever moves one step forward. */
public enum ProjectStatus {
    PLANNED, RECRUITING, UNDER_CONSTRUCTION, COMPLETED, OPERATING;

    public ProjectStatus next() {
        return this == OPERATING ? null : values()[ordinal() + 1];
    }

    /** Attendance is taken only while the project is being built or operated. */
    public boolean acceptsAttendance() {
        return this == UNDER_CONSTRUCTION || this == OPERATING;
    }
}
