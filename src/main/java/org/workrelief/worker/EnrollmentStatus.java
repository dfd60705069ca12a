package org.workrelief.worker;

public enum EnrollmentStatus {
    ACTIVE, LEFT
}
