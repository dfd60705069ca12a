package org.workrelief.worker;

import java.util.Optional;

import org.workrelief.project.ProjectService;

/**
 * A sign-in's project and worker, read together (with {@link EnrollmentService#signInKey}, by the attendance module): the
 * worker is empty when no worker has the given code, id or ID number.
 */
public record SignInContext(ProjectService.SiteFacts site, Optional<SignInFacts> worker) {
}
