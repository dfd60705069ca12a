package org.workrelief.worker;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The days a worker signed in on a project, as the attendance module answers (it implements this,
 * so the dependency points the right way): a departure cannot be dated before a day the worker
 * was still signed in.
 */
public interface WorkedDays {

    /** The last day with a sign-in of the worker on the project, if any. */
    Optional<LocalDate> lastSignInDay(long projectId, long workerId);
}
