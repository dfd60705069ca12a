package org.workrelief.worker;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The form for enrolling a worker on a project: team, recruitment, contract and insurance. */
public record EnrollmentForm(
        @NotNull(message = "{enrollment.team.required}") Long teamId,
        @NotNull(message = "{enrollment.source.required}") RecruitmentSource source,
        @NotNull(message = "{enrollment.enrolledOn.required}") LocalDate enrolledOn,
        LocalDate contractSignedOn,
        LocalDate contractFrom,
        LocalDate contractTo,
        @Size(max = 100, message = "{field.tooLong}") String insurer,
        @Size(max = 64, message = "{field.tooLong}") String policyNumber,
        LocalDate insuranceFrom,
        LocalDate insuranceTo,
        long version) {

    public static EnrollmentForm blank(LocalDate today) {
        return new EnrollmentForm(null, RecruitmentSource.SURVEYED, today, null, null, null, "", "", null, null, 0);
    }
}
