package org.workrelief.supervision;

/**
 * What the daily review puts before the committee. Each kind names the workers whose day it
 * concerns; a rejected anomaly takes those workers' day (or, for a day-wide one, the whole day)
 * out of what may be paid.
 */
public enum AnomalyKind {
    /** Only one of the two sign-ins: a half day. */
    HALF_DAY,
    /** The PM sign-in came too soon after the AM one. */
    PM_TOO_SOON,
    /** A sign-in away from the worksite. */
    OUTSIDE_SITE,
    /** Many workers signed in by one terminal within a minute: one card or face held up for many? */
    DEVICE_BURST,
    /** Sign-ins entered by a person (roll call, correction) rather than read by a terminal. */
    HAND_RECORDED,
    /** Far more or fewer people than on the previous working day. */
    HEADCOUNT_SWING,
    /**
     * A sign-in on a day before the worker's enrollment was recorded, or an enrollment whose start
     * date lies further before its recording than the setting allows: enrolled after the fact?
     */
    BACKDATED_ENROLLMENT,
    /** Sign-ins that reached the server long after their time (terminal back-fill, import of past days). */
    LATE_ARRIVAL,
    /** One phone number registered for several workers of the project. */
    SHARED_PHONE,
    /** A worker's first day on the project: shown for information, needs no decision. */
    FIRST_DAY(false);

    private final boolean blocking;

    AnomalyKind() {
        this(true);
    }

    AnomalyKind(boolean blocking) {
        this.blocking = blocking;
    }

    /** Whether the committee must decide on it before the day may be approved (false: information only). */
    public boolean blocking() {
        return blocking;
    }

    public String messageKey() {
        return "anomaly.kind." + name();
    }
}
