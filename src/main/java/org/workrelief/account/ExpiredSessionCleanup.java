package org.workrelief.account;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;
import org.workrelief.common.jobs.ClusterJobs;

/**
 * Deletes the sessions that have expired, once per period across all instances. Spring Session's
 * own clean-up timer is switched off ({@code spring.session.jdbc.cleanup-cron=-}): it would run the
 * same delete on every instance every minute. An expired session is refused when it is read anyway;
 * this only keeps the table small. Whether a session has expired is the library's call, on the
 * server's wall clock (it stamps sessions with it), not the application's clock; the run is
 * recorded in {@code job_run} with the application's clock.
 */
@Component
class ExpiredSessionCleanup {

    static final String JOB = "expired-session-cleanup";

    private final ClusterJobs jobs;
    private final JdbcIndexedSessionRepository sessions;
    private final Duration every;

    ExpiredSessionCleanup(ClusterJobs jobs, JdbcIndexedSessionRepository sessions,
            @Value("${workrelief.jobs.session-cleanup.every}") Duration every) {
        this.jobs = jobs;
        this.sessions = sessions;
        this.every = every;
    }

    /** Every instance fires once per period from its own start; the first one in a period does the work. */
    @Scheduled(fixedRateString = "${workrelief.jobs.session-cleanup.every}",
            initialDelayString = "${workrelief.jobs.session-cleanup.every}")
    boolean run() {
        // the library deletes in a transaction of its own (REQUIRES_NEW), on a second connection; the
        // job's lock stays held meanwhile by the first
        return jobs.runOncePer(JOB, every, sessions::cleanUpExpiredSessions);
    }
}
