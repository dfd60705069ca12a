package org.workrelief.attendance;

/**
 * Why a sign-in was refused: a stable code for terminals (the API answers {@code {"code": ...}})
 * and a message key for people. Nothing is stored when a sign-in is refused.
 */
public enum Refusal {
    UNKNOWN_WORKER(422),
    WORKER_OF_ANOTHER_PROJECT(403),
    NOT_YET_ENROLLED(422),
    ENROLLMENT_LEFT(422),
    SIGNED_IN_ON_ANOTHER_PROJECT(422),
    NO_CONTRACT(422),
    INSURANCE_NOT_VALID(422),
    FUTURE_TIME(422),
    OUTSIDE_SLOT_WINDOWS(422),
    DAY_APPROVED(422),
    PROJECT_NOT_ACTIVE(422);

    private final int httpStatus;

    Refusal(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String messageKey() {
        return "punch.refused." + name();
    }
}
