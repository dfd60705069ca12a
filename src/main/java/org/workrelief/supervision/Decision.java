package org.workrelief.supervision;

/** The committee's word on an anomaly: the records stand (ACCEPTED) or do not count (REJECTED). */
public enum Decision {
    ACCEPTED, REJECTED
}
