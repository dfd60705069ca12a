package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.TestDatabase;

/**
 * A release cut off half-way (the server's connection dies: a crash, a kill, a network cut) leaves the
 * batch released or not, never half (issue 19 §3). The test stops the release at its last step, its
 * audit row, after it has copied the cards onto the lines and moved the batch (both uncommitted), by
 * holding the audit log locked; then kills that database connection, as a crash would.
 */
@IntegrationTest
class ReleaseCutOffTests {

    @Autowired PayoutFlow flow;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aReleaseWhoseConnectionDiesHalfWayLeavesTheBatchApprovedAndUntouchedAndCanBeReleasedAfter() throws Exception {
        PaidSite p = flow.site();
        PayoutBatch approved = flow.approved(p);
        String linesBefore = linesOf(approved.id());

        Throwable failure;
        try (Connection owner = ownerConnection(); Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.execute("lock table audit_log in exclusive mode");
            CompletableFuture<Throwable> release = CompletableFuture.supplyAsync(() -> {
                try {
                    payouts.release(p.finance(), approved.id(), approved.version());
                    return null;
                }
                catch (RuntimeException refused) {
                    return refused;
                }
            });
            int pid = releaseWaitingOnItsAuditRow(sql, release);
            try (ResultSet killed = sql.executeQuery("select pg_terminate_backend(" + pid + ")")) {
                assertThat(killed.next() && killed.getBoolean(1)).isTrue();
            }
            owner.rollback();
            failure = release.get(60, TimeUnit.SECONDS);
        }

        assertThat(failure).as("the release reports its failure").isNotNull();
        PayoutBatch after = batches.batch(p.staff(), approved.id());
        assertThat(after.status()).isEqualTo(BatchStatus.APPROVED);
        assertThat(after.releasedAt()).isNull();
        assertThat(after.version()).isEqualTo(approved.version());
        assertThat(linesOf(approved.id())).as("no line took a card").isEqualTo(linesBefore);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_log where entity_type = 'PayoutBatch' and entity_id = ? and action = 'PAYOUT_BATCH_RELEASED'
                """, Long.class, String.valueOf(approved.id()))).isZero();

        // the pool has dropped the dead connection; the release goes through once, whole
        PayoutBatch released = payouts.release(p.finance(), approved.id(), after.version());
        assertThat(released.status()).isEqualTo(BatchStatus.RELEASED);
        assertThat(jdbc.queryForObject("select count(*) from payout_line where batch_id = ? and bank_card_cipher is null",
                Long.class, approved.id())).isZero();
    }

    /**
     * The application's connection that waits for the audit log while holding the row locks of a
     * batch it has moved and of lines it has written: the release at its last step.
     */
    private static int releaseWaitingOnItsAuditRow(Statement sql, CompletableFuture<Throwable> release)
            throws SQLException, InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            try (ResultSet rs = sql.executeQuery("""
                    select a.pid from pg_stat_activity a
                    where exists (select 1 from pg_locks l where l.pid = a.pid and not l.granted
                                  and l.relation = 'audit_log'::regclass)
                      and exists (select 1 from pg_locks l where l.pid = a.pid and l.granted
                                  and l.mode = 'RowExclusiveLock' and l.relation = 'payout_batch'::regclass)
                      and exists (select 1 from pg_locks l where l.pid = a.pid and l.granted
                                  and l.mode = 'RowExclusiveLock' and l.relation = 'payout_line'::regclass)
                    """)) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            if (release.isDone()) {
                throw new AssertionError("the release ended before its audit row", release.getNow(null));
            }
            Thread.sleep(50);
        }
        StringBuilder waiting = new StringBuilder();
        try (ResultSet rs = sql.executeQuery("""
                select a.pid, a.usename, a.wait_event_type, left(a.query, 200),
                       (select string_agg(l.relation::regclass || '/' || l.mode, ' ') from pg_locks l
                        where l.pid = a.pid and l.relation is not null and l.granted)
                from pg_stat_activity a where a.backend_type = 'client backend' and a.pid <> pg_backend_pid()
                """)) {
            while (rs.next()) {
                waiting.append('\n').append(rs.getInt(1)).append(' ').append(rs.getString(2)).append(' ')
                        .append(rs.getString(3)).append(' ').append(rs.getString(4)).append(" | ").append(rs.getString(5));
            }
        }
        throw new AssertionError("the release never reached its audit row; backends:" + waiting);
    }

    private String linesOf(long batchId) {
        return jdbc.queryForObject("""
                select string_agg(id || ':' || coalesce(bank_card_masked, '-') || ':' || version, ',' order by id)
                from payout_line where batch_id = ?
                """, String.class, batchId);
    }

    private static Connection ownerConnection() throws SQLException {
        TestDatabase database = TestDatabase.get();
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
