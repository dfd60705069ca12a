package org.workrelief.supervision;

/** OPEN while the committee checks the day; APPROVED locks it; REOPENED after an administrator's correction. */
public enum ReviewStatus {
    OPEN, APPROVED, REOPENED
}
