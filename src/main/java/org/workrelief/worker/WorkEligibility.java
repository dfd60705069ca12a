package org.workrelief.worker;

/** Whether an enrolled worker may sign in on a day (rule 4), and if not, why. */
public enum WorkEligibility {
    ELIGIBLE, ENROLLMENT_LEFT, NO_CONTRACT, INSURANCE_NOT_VALID
}
