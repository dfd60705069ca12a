package org.workrelief.worker;

import java.time.LocalDate;

/** Whether an enrolled worker may sign in on a day (rule 4), and if not, why. */
public enum WorkEligibility {
    ELIGIBLE, NOT_YET_ENROLLED, ENROLLMENT_LEFT, NO_CONTRACT, INSURANCE_NOT_VALID;

    /**
     * Rule 4, judged for the day of the sign-in (a terminal may send days late): enrolled by then and
     * not yet left, a labour contract signed by then, accident insurance valid on that day.
     */
    static WorkEligibility on(LocalDate day, LocalDate enrolledOn, LocalDate leftOn, LocalDate contractSignedOn,
            LocalDate insuredFrom, LocalDate insuredTo) {
        if (day.isBefore(enrolledOn)) {
            return NOT_YET_ENROLLED;
        }
        if (leftOn != null && !day.isBefore(leftOn)) {
            return ENROLLMENT_LEFT;
        }
        if (contractSignedOn == null || day.isBefore(contractSignedOn)) {
            return NO_CONTRACT;
        }
        if (insuredFrom == null || day.isBefore(insuredFrom) || day.isAfter(insuredTo)) {
            return INSURANCE_NOT_VALID;
        }
        return ELIGIBLE;
    }
}
