package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rule 4 in one place ({@link WorkEligibility#on}): a sign-in counts only on a day the worker was
 * enrolled and had not left, had signed the labour contract, and was insured. The enrollment in every row:
 * enrolled 2025-06-01, contract signed 2025-06-03, insured 2025-06-05 to 2025-06-30, left 2025-07-10
 * unless the row says otherwise ("-" is none).
 */
class WorkEligibilityTests {

    @ParameterizedTest(name = "{0}: left {1}, contract {2}, insured {3}~{4} -> {5}")
    @CsvSource({
            "2025-05-31, 2025-07-10, 2025-06-03, 2025-06-05, 2025-06-30, NOT_YET_ENROLLED",
            "2025-06-01, 2025-07-10, 2025-06-03, 2025-06-05, 2025-06-30, NO_CONTRACT",
            "2025-06-02, 2025-07-10, 2025-06-03, 2025-06-05, 2025-06-30, NO_CONTRACT",
            "2025-06-03, 2025-07-10, 2025-06-03, 2025-06-05, 2025-06-30, INSURANCE_NOT_VALID",
            "2025-06-04, 2025-07-10, 2025-06-03, 2025-06-05, 2025-06-30, INSURANCE_NOT_VALID",
            "2025-06-05, 2025-07-10, 2025-06-03, 2025-06-05, 2025-06-30, ELIGIBLE",
            "2025-06-30, 2025-07-10, 2025-06-03, 2025-06-05, 2025-06-30, ELIGIBLE",
            "2025-07-01, 2025-07-10, 2025-06-03, 2025-06-05, 2025-06-30, INSURANCE_NOT_VALID",
            "2025-06-20, 2025-06-20, 2025-06-03, 2025-06-05, 2025-06-30, ENROLLMENT_LEFT",
            "2025-06-19, 2025-06-20, 2025-06-03, 2025-06-05, 2025-06-30, ELIGIBLE",
            "2025-06-20, -,          2025-06-03, 2025-06-05, 2025-06-30, ELIGIBLE",
            "2025-06-20, -,          -,          2025-06-05, 2025-06-30, NO_CONTRACT",
            "2025-06-20, -,          2025-06-03, -,          -,          INSURANCE_NOT_VALID",
            // a terminal sending a day late is judged for the day of the sign-in, not the day it arrives
            "2025-06-06, 2025-06-07, 2025-06-03, 2025-06-05, 2025-06-30, ELIGIBLE"
    })
    void aSignInCountsOnlyOnADayOfEnrollmentContractAndInsurance(String day, String left, String contract,
            String insuredFrom, String insuredTo, WorkEligibility expected) {
        assertThat(WorkEligibility.on(date(day), date("2025-06-01"), date(left), date(contract), date(insuredFrom),
                date(insuredTo))).isEqualTo(expected);
    }

    private static LocalDate date(String text) {
        return "-".equals(text) ? null : LocalDate.parse(text);
    }
}
