package org.workrelief.worker;

import java.time.LocalDate;

/**
 * What a sign-in needs to know of a worker on a project, read in one query on the hot path of
 * the device API. {@code enrolled} is false when the worker exists but has no enrollment on the project.
 */
public record SignInFacts(long workerId, String workerName, boolean enrolled, LocalDate enrolledOn, LocalDate leftOn,
        LocalDate contractSignedOn, LocalDate insuredFrom, LocalDate insuredTo) {

    public WorkEligibility eligibilityOn(LocalDate day) {
        return WorkEligibility.on(day, enrolledOn, leftOn, contractSignedOn, insuredFrom, insuredTo);
    }
}
