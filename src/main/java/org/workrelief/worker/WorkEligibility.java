package org.workrelief.worker;

import java.time.LocalDate;

/** Whether an enrolled worker may sign in on a day (rule 4), and if not, why. */
public enum WorkEligibility {
    ELIGIBLE, ENROLLMENT_LEFT, NO_CONTRACT, INSURANCE_NOT_VALID;

    /** Rule 4: active, with a signed labour contract and accident insurance valid on {@code day}. */
    static WorkEligibility on(LocalDate day, boolean active, LocalDate contractSignedOn, LocalDate insuredFrom,
            LocalDate insuredTo) {
        if (!active) {
            return ENROLLMENT_LEFT;
        }
        if (contractSignedOn == null) {
            return NO_CONTRACT;
        }
        if (insuredFrom == null || day.isBefore(insuredFrom) || day.isAfter(insuredTo)) {
            return INSURANCE_NOT_VALID;
        }
        return ELIGIBLE;
    }
}
