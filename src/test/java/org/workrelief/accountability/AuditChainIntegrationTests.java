package org.workrelief.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.common.audit.AuditChain;
import org.workrelief.common.audit.AuditChain.Link;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;

/**
 * The hash chain as the database writes it (V26's trigger) on the tests' shared database: Java
 * recomputes the very hashes the trigger wrote, for every way the application writes audit rows, and
 * concurrent writers still make one chain per scope, numbered without gaps, that verifies intact.
 */
@IntegrationTest
class AuditChainIntegrationTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    AuditChainJob job;

    @Autowired
    org.workrelief.support.MutableClock clock;

    /** A project id of its own per test (no project row is needed: the chain is keyed by the id). */
    private static long freshId() {
        return 1_500_000_000L + ThreadLocalRandom.current().nextInt(500_000_000);
    }

    @Test
    void javaComputesTheHashTheTriggerWroteForEachWayOfWriting() {
        long project = freshId();
        long town = freshId();
        String entity = Fixtures.unique("chain");
        auditLog.recordAs("li|si \\ 𠮷", AuditEvent.of("THING_CHANGED", "Thing", entity).inProject(project, town)
                .change(Map.of("days", 1, "note", "a|b"), Map.of("days", 0.5)).detail("line1\nline2 \\N"));
        auditLog.recordAs("wang", AuditEvent.of("THING_CHANGED", "Thing", null).inProject(project, town));
        auditLog.recordAllAs("batch", List.of(AuditEvent.of("A", "Thing", entity).inProject(project, town),
                AuditEvent.of("B", "Thing", entity).inProject(project, town).detail("二")));
        List<Object> parameters = new ArrayList<>(auditLog.insertParameters("cte", AuditEvent.of("C", "Thing", null)
                .inProject(project, town).change(null, Map.of("x", List.of(1, 2)))));
        jdbc.update(AuditLog.INSERT_PER_ROW + " from (values (1), (2), (3)) as rows(id)", parameters.toArray());
        auditLog.recordAs("town-level", AuditEvent.of("D", "Thing", entity).inTown(town));

        List<Map<String, Object>> rows = jdbc.queryForList("""
                select id, chain, chain_seq, hash from audit_log where chain in (?, ?) order by chain, chain_seq
                """, AuditChain.projectChain(project), AuditChain.townChain(town));
        assertThat(rows).hasSize(8);
        assertThat(rows).extracting(r -> r.get("chain") + "#" + r.get("chain_seq")).containsExactly(
                "project:" + project + "#1", "project:" + project + "#2", "project:" + project + "#3",
                "project:" + project + "#4", "project:" + project + "#5", "project:" + project + "#6",
                "project:" + project + "#7", "town:" + town + "#1");
        String previous = null;
        for (Map<String, Object> row : rows) {
            Link link = link((Long) row.get("id"));
            if (link.chainSeq() == 1) {
                previous = null;
            }
            assertThat(AuditChain.hash(link, previous)).as("entry %s", row.get("id")).isEqualTo(row.get("hash"));
            previous = (String) row.get("hash");
        }
    }

    @Test
    void theApplicationCannotChooseAnEntrysChainNumberOrHash() {
        long town = freshId();
        jdbc.update("""
                insert into audit_log (occurred_at, actor, action, town_id, chain, chain_seq, hash)
                values (now(), 'forger', 'X', ?, 'county', 99, ?)
                """, town, "0".repeat(64));
        Map<String, Object> row = jdbc.queryForMap("select chain, chain_seq, hash from audit_log where town_id = ?", town);
        assertThat(row.get("chain")).isEqualTo(AuditChain.townChain(town));
        assertThat(row.get("chain_seq")).isEqualTo(1L);
        assertThat(row.get("hash")).isNotEqualTo("0".repeat(64));
    }

    @Test
    void manyConcurrentWritersMakeOneChainPerScopeWithoutGapsOrForksThatVerifiesIntact() throws Exception {
        long town = freshId();
        long[] projects = { freshId(), freshId() };
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        int threads = 8;
        int transactionsEach = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> written = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                written.add(pool.submit((Callable<Integer>) () -> {
                    int rows = 0;
                    for (int i = 0; i < transactionsEach; i++) {
                        int kind = (thread + i) % 3;
                        Long project = kind == 2 ? null : projects[kind];
                        int count = 1 + i % 3;
                        transactions.executeWithoutResult(status -> {
                            List<AuditEvent> events = new ArrayList<>();
                            for (int e = 0; e < count; e++) {
                                events.add(AuditEvent.of("CONCURRENT", "Thing", thread + "-" + e).inProject(project, town));
                            }
                            if (count == 1) {
                                auditLog.recordAs("writer-" + thread, events.get(0));
                            }
                            else {
                                auditLog.recordAllAs("writer-" + thread, events);
                            }
                        });
                        rows += count;
                    }
                    return rows;
                }));
            }
            int total = 0;
            for (Future<Integer> f : written) {
                total += f.get();
            }
            int expected = 0;
            for (int i = 0; i < transactionsEach; i++) {
                expected += 1 + i % 3;
            }
            assertThat(total).isEqualTo(threads * expected);
        }
        finally {
            pool.shutdown();
        }

        for (String chain : List.of(AuditChain.projectChain(projects[0]), AuditChain.projectChain(projects[1]),
                AuditChain.townChain(town))) {
            Map<String, Object> shape = jdbc.queryForMap("""
                    select count(*) as entries, count(distinct chain_seq) as numbers, min(chain_seq) as first,
                           max(chain_seq) as last from audit_log where chain = ?
                    """, chain);
            assertThat(shape.get("entries")).as(chain).isNotEqualTo(0L);
            assertThat(shape.get("numbers")).as("no fork in %s", chain).isEqualTo(shape.get("entries"));
            assertThat(shape.get("first")).as(chain).isEqualTo(1L);
            assertThat(shape.get("last")).as("no gap in %s", chain).isEqualTo(shape.get("entries"));
        }
        AuditChainVerifier.Check check = verifier.verifyAll("test");
        assertThat(check.failures()).isEmpty();
        assertThat(check.intact()).isTrue();
        assertThat(check.entries()).isGreaterThanOrEqualTo(threads * transactionsEach);
    }

    @Test
    void aCheckIsStoredAndAudited() {
        AuditChainVerifier.Check check = verifier.verifyAll("someone");
        assertThat(check.intact()).isTrue();
        assertThat(jdbc.queryForObject("select outcome from audit_chain_check where id = ?", String.class, check.id()))
                .isEqualTo("INTACT");
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_log where action = 'AUDIT_CHAIN_VERIFIED' and entity_id = ? and actor = 'someone'
                """, Long.class, String.valueOf(check.id()))).isOne();
        assertThat(check.lastEntryId()).isNotNull();
    }

    @Test
    void theDailyJobChecksEveryChainOnceAndStoresTheResult() {
        clock.set(java.time.Instant.parse("2025-03-02T00:00:00Z"));
        try {
            assertThat(job.run()).isTrue();
            assertThat(job.run()).as("once a day across instances").isFalse();
        }
        finally {
            clock.reset();
        }
        Map<String, Object> check = jdbc.queryForMap("select * from audit_chain_check order by id desc limit 1");
        assertThat(check.get("checked_by")).isEqualTo(AuditChainJob.CHECKED_BY);
        assertThat(check.get("scope_town_id")).isNull();
        assertThat(check.get("outcome")).isEqualTo("INTACT");
        assertThat(jdbc.queryForObject("select outcome from job_run where job_name = ? order by started_at desc limit 1",
                String.class, AuditChainJob.JOB)).isEqualTo("DONE");
    }

    private Link link(long id) {
        return jdbc.queryForObject("""
                select id, chain, chain_seq, occurred_at, actor, action, entity_type, entity_id, town_id, project_id,
                       before_state::text as b, after_state::text as a, detail from audit_log where id = ?
                """, (rs, n) -> new Link(rs.getLong("id"), rs.getString("chain"), rs.getLong("chain_seq"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getObject("town_id", Long.class),
                rs.getObject("project_id", Long.class), rs.getString("b"), rs.getString("a"), rs.getString("detail")), id);
    }

}
