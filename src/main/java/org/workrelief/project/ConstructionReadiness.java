package org.workrelief.project;

/**
 * What the project needs to know from the registry before construction may start. Implemented by
 * the worker module (which knows teams and enrollments), so that this module depends on neither.
 */
public interface ConstructionReadiness {

    /** Number of work teams of the project. */
    long teams(long projectId);

    /** Workers enrolled on the project, active, with a signed contract and accident insurance valid on {@code day}. */
    long readyWorkers(long projectId, java.time.LocalDate day);
}
