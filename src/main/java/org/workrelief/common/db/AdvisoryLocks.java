package org.workrelief.common.db;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every PostgreSQL advisory lock the application takes, by named key space, so that no two uses can
 * share a key by accident (a mistyped key would be a silent race). Transaction-scoped locks only: they
 * end with the transaction, also when an instance dies.
 * <p>
 * PostgreSQL keeps locks on one {@code bigint} apart from locks on two {@code int}s, so the worker-day
 * space (one bigint) can never meet the others. The two-int spaces are told apart by their first half:
 * <ul>
 * <li>{@link #JOBS} = MIN_VALUE: a scheduled job (second half: {@code hashtext} of its name, in ClusterJobs' SQL);</li>
 * <li>{@link #OVERVIEW_FIGURES} = MIN_VALUE + 1: recomputing the overview's kept figures;</li>
 * <li>MIN_VALUE + 2 and MIN_VALUE + 3: the audit log's hash chains of a project and of a town or the
 * county, taken inside the database by the trigger of V26 (named here so nothing else takes them);</li>
 * <li>{@link #batchCreation}: minus the project id (second half 0), below zero and above MIN_VALUE + 3;</li>
 * <li>{@link #projectDay}: the project id itself (second half: the epoch day), above zero.</li>
 * </ul>
 * So project ids must stay below {@link #MAX_PROJECT_ID} (2^31 - 4), which every key checks.
 */
public final class AdvisoryLocks {

    public static final int JOBS = Integer.MIN_VALUE;
    public static final int OVERVIEW_FIGURES = Integer.MIN_VALUE + 1;
    /** Taken by the audit chain's trigger (V26) for a project's chain: {@code (AUDIT_CHAIN_PROJECT, project id)}. */
    public static final int AUDIT_CHAIN_PROJECT = Integer.MIN_VALUE + 2;
    /** Taken by the audit chain's trigger (V26) for a town's chain, or the county's (town 0). */
    public static final int AUDIT_CHAIN_TOWN = Integer.MIN_VALUE + 3;
    /** The largest project id whose keys stay in their own spaces. */
    public static final long MAX_PROJECT_ID = Integer.MAX_VALUE - 3L;

    private AdvisoryLocks() {
    }

    /** A two-int advisory lock key. */
    public record Key(int space, int id) {
    }

    /**
     * A project's day: sign-ins of the day hold it shared, approving or opening the day's review holds it
     * exclusively, so no sign-in slips into a day being approved.
     */
    public static Key projectDay(long projectId, LocalDate day) {
        return new Key((int) checked(projectId), Math.toIntExact(day.toEpochDay()));
    }

    /** Creating a payout batch of a project: one at a time, so two overlapping periods cannot both pass. */
    public static Key batchCreation(long projectId) {
        return new Key((int) -checked(projectId), 0);
    }

    /** Recomputing the overview's kept figures: one request computes, the others wait and read. */
    public static Key overviewFigures() {
        return new Key(OVERVIEW_FIGURES, 0);
    }

    /**
     * A worker's day, across projects (one sign-in of a worker's day at a time): the worker id shifted
     * past 20 bits of epoch day (days up to the year 4840), a bigint key.
     */
    public static long workerDay(long workerId, LocalDate day) {
        if (workerId <= 0 || workerId >= 1L << 43) {
            throw new IllegalArgumentException("worker id out of the lock's range: " + workerId);
        }
        return (workerId << 20) | (day.toEpochDay() & 0xFFFFF);
    }

    /** Takes this lock exclusively until the transaction ends, waiting for it if needed. */
    public static void lock(JdbcTemplate jdbc, Key key) {
        jdbc.queryForList("select pg_advisory_xact_lock(?, ?)", Object.class, key.space(), key.id());
    }

    /** As {@link #lock(JdbcTemplate, Key)}, for a caller on {@link JdbcClient}. */
    public static void lock(JdbcClient jdbc, Key key) {
        jdbc.sql("select pg_advisory_xact_lock(:space, :id)").param("space", key.space()).param("id", key.id())
                .query().listOfRows();
    }

    private static long checked(long projectId) {
        if (projectId <= 0 || projectId > MAX_PROJECT_ID) {
            throw new IllegalArgumentException("project id out of the locks' range: " + projectId);
        }
        return projectId;
    }
}
