package org.workrelief.common.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.common.db.AdvisoryLocks;

/**
 * Runs a scheduled job once across all the instances that share the database, whichever of them
 * fires first. Every instance has the same {@code @Scheduled} methods, so without this each one
 * would do the work.
 * <p>
 * Two checks, both in one transaction of the instance that fires: a PostgreSQL advisory lock per
 * job ({@code pg_try_advisory_xact_lock}), so that an instance firing while another one runs the
 * job skips instead of waiting; and the job's period cut into slots of the same length (aligned on
 * the epoch), with a row in {@code job_run} for each slot whose work is done, so that an instance
 * firing a little later (its timer started at another moment, or its clock is a few hundred
 * milliseconds off) skips a slot that is already done. The lock is released with the transaction,
 * also when the instance dies: nothing is left to clean up, unlike a lock row.
 * <p>
 * The work runs inside the locked transaction: JDBC or JPA work joins it and commits with the
 * record of the run, or rolls back with it. A failed run is recorded afterwards, on its own.
 */
@Component
public class ClusterJobs {

    /** First half of the two-int advisory-lock key of every job (the key spaces: {@link AdvisoryLocks}). */
    static final int JOB_LOCK_SPACE = AdvisoryLocks.JOBS;

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String instanceId;

    ClusterJobs(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${workrelief.instance-id:}") String instanceId) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.instanceId = instanceId.isBlank() ? defaultInstanceId() : instanceId;
    }

    /**
     * Does {@code work} unless another instance is doing it right now or has done it in the
     * current slot of length {@code period}. Answers whether this instance did it.
     *
     * @throws RuntimeException what the work threw, after the failed run was recorded
     */
    public boolean runOncePer(String job, Duration period, Runnable work) {
        Instant started = clock.instant();
        Instant slot = slotOf(started, period);
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?, hashtext(?))",
                        Boolean.class, JOB_LOCK_SPACE, job))) {
                    log.debug("Job {} skipped: another instance is running it", job);
                    return false;
                }
                if (Boolean.TRUE.equals(jdbc.queryForObject("""
                        select exists (select 1 from job_run where job_name = ? and slot_start = ? and outcome = 'DONE')
                        """, Boolean.class, job, Timestamp.from(slot)))) {
                    log.debug("Job {} skipped: slot {} already done", job, slot);
                    return false;
                }
                work.run();
                record(job, slot, started, "DONE", null);
                return true;
            }));
        }
        catch (RuntimeException failed) {
            try {
                transactions.executeWithoutResult(status -> record(job, slot, started, "FAILED", describe(failed)));
            }
            catch (RuntimeException notRecorded) {
                failed.addSuppressed(notRecorded);
            }
            throw failed;
        }
    }

    /** Who this instance is in {@code job_run}: {@code workrelief.instance-id}, else host name and process id. */
    public String instanceId() {
        return instanceId;
    }

    static Instant slotOf(Instant now, Duration period) {
        long length = period.toMillis();
        if (length <= 0) {
            throw new IllegalArgumentException("a job's period must be positive: " + period);
        }
        long millis = now.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, length));
    }

    private void record(String job, Instant slot, Instant started, String outcome, String detail) {
        jdbc.update("""
                insert into job_run (job_name, slot_start, instance_id, started_at, finished_at, outcome, detail)
                values (?, ?, ?, ?, ?, ?, ?)
                """, job, Timestamp.from(slot), instanceId, Timestamp.from(started), Timestamp.from(clock.instant()),
                outcome, detail);
    }

    private static String describe(RuntimeException failed) {
        String text = failed.getClass().getName() + (failed.getMessage() == null ? "" : ": " + failed.getMessage());
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException unknown) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
