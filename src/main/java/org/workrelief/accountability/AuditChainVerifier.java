package org.workrelief.accountability;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.audit.AuditChain;
import org.workrelief.common.audit.AuditChain.Link;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;

/**
 * 审计日志完整性校验: walks each hash chain of the audit log (V26) in order, recomputing every entry's
 * hash from its canonical form in Java ({@link AuditChain}, not the database's trigger function, which a
 * superuser could replace), and records the first entry of each chain that does not match: a hash that
 * is not the one its content and its predecessor give, a number out of sequence, an entry in the wrong
 * chain, or a chain that no longer holds the entry its last intact check ended on (its end cut off or
 * rewritten with recomputed hashes). The rows are streamed through a cursor, never held all at once.
 * <p>
 * A county-level check covers every chain; a town's covers the town's chain and its projects'. Each
 * check is stored (audit_chain_check, its failures in audit_chain_failure) and audited.
 */
@Service
public class AuditChainVerifier {

    public static final String INTACT = "INTACT";
    public static final String BROKEN = "BROKEN";

    static final int FETCH_SIZE = 1_000;

    private static final Logger log = LoggerFactory.getLogger(AuditChainVerifier.class);

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate transactions;
    private final AuditLog auditLog;
    private final Clock clock;

    AuditChainVerifier(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
            AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.transactions = new TransactionTemplate(transactionManager);
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The first entry of one chain that does not match, and how. */
    /**
     * The first entry of one chain that does not match, and how: {@code expected} and {@code found} are what
     * the problem compares (hashes, numbers, a chain), {@code label} names the chain's project or town.
     */
    public record Failure(String chain, Long townId, Long entryId, Long chainSeq, String problem, String expected,
            String found, String label) {

        Failure(String chain, Long townId, Long entryId, Long chainSeq, String problem, String expected, String found) {
            this(chain, townId, entryId, chainSeq, problem, expected, found, null);
        }

        /** The problem in words for the operator's command. */
        public String describe() {
            return switch (problem) {
                case "HASH_MISMATCH" -> "stored hash " + found + ", its content and the previous entry's hash give " + expected;
                case "OUT_OF_SEQUENCE" -> "expected no. " + expected + ", found no. " + found;
                case "WRONG_CHAIN" -> "its town and project belong to " + expected;
                case "CHECKPOINT_CHANGED" -> "the last intact check ended on this entry with hash " + expected + ", now " + found;
                case "CUT_SHORT" -> "the last intact check ended on no. " + expected + ", the chain now ends on no. " + found;
                default -> expected + " / " + found;
            };
        }

        /** The message key of the chain's kind (project, town, county), its argument {@link #scopeId()}. */
        public String chainKey() {
            return chain.startsWith("project:") ? "audit.integrity.chain.project"
                    : chain.startsWith("town:") ? "audit.integrity.chain.town"
                    : AuditChain.COUNTY.equals(chain) ? "audit.integrity.chain.county" : "audit.integrity.chain.other";
        }

        public String scopeId() {
            int colon = chain.indexOf(':');
            return colon < 0 ? chain : chain.substring(colon + 1);
        }
    }

    /** One stored check. */
    public record Check(long id, Long scopeTownId, String scopeTownName, Instant startedAt, Instant finishedAt, String checkedBy, int chains,
            long entries, Long lastEntryId, String outcome, List<Failure> failures) {

        public boolean intact() {
            return INTACT.equals(outcome);
        }
    }

    /** Checks every chain (county level); {@code checkedBy} is the user name, the job or the operator's command. */
    public Check verifyAll(String checkedBy) {
        return verify(null, checkedBy);
    }

    /** Checks the chains this administrator may see: all of them for the county's, else their town's. */
    public Check verifyFor(SignedInUser me) {
        return verify(me.townId(), me.getUsername());
    }

    /** The latest checks this user may see, newest first: the county-wide ones and, for a town's administrator, their town's. */
    public List<Check> latest(SignedInUser me, int limit) {
        List<Check> checks = jdbc.query("""
                select c.*, t.name as town_name, u.display_name from audit_chain_check c
                left join town_setting t on t.id = c.scope_town_id left join user_account_name u on u.username = c.checked_by
                where c.scope_town_id is null or c.scope_town_id = ? or ?
                order by c.id desc limit ?
                """, (rs, row) -> check(rs, List.of()), me.townId(), me.isCountyLevel(), limit);
        List<Check> withFailures = new ArrayList<>(checks.size());
        for (Check c : checks) {
            withFailures.add(c.outcome().equals(BROKEN) ? withFailures(c, me) : c);
        }
        return withFailures;
    }

    /**
     * The latest county-wide check (the daily job's or one run from the county) and, for a town's
     * administrator, the latest of their own town, when it found a chain broken: the home page's warning.
     */
    public Optional<Check> latestBroken(SignedInUser me) {
        return jdbc.query("""
                select c.*, t.name as town_name, null as display_name from audit_chain_check c
                left join town_setting t on t.id = c.scope_town_id
                where c.id in ((select max(id) from audit_chain_check where scope_town_id is null),
                               (select max(id) from audit_chain_check where scope_town_id = ?))
                  and c.outcome = 'BROKEN'
                order by c.id desc limit 1
                """, (rs, row) -> check(rs, List.of()), me.townId()).stream().findFirst();
    }

    private Check withFailures(Check c, SignedInUser me) {
        List<Failure> failures = jdbc.query("""
                select f.*, coalesce(p.code || ' ' || p.name, t.name) as label from audit_chain_failure f
                left join project_name p on f.chain = 'project:' || p.id
                left join town_setting t on f.chain = 'town:' || t.id
                where f.check_id = ? and (f.town_id = ? or ?) order by f.chain
                """, (rs, row) -> new Failure(rs.getString("chain"), rs.getObject("town_id", Long.class),
                rs.getObject("entry_id", Long.class), rs.getObject("chain_seq", Long.class), rs.getString("problem"),
                rs.getString("expected"), rs.getString("found"), rs.getString("label")), c.id(), me.townId(),
                me.isCountyLevel());
        return new Check(c.id(), c.scopeTownId(), c.scopeTownName(), c.startedAt(), c.finishedAt(), c.checkedBy(), c.chains(), c.entries(),
                c.lastEntryId(), c.outcome(), failures);
    }

    private static Check check(ResultSet rs, List<Failure> failures) throws SQLException {
        return new Check(rs.getLong("id"), rs.getObject("scope_town_id", Long.class), rs.getString("town_name"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
                rs.getString("display_name") == null ? rs.getString("checked_by") : rs.getString("display_name"),
                rs.getInt("chains"), rs.getLong("entries"),
                rs.getObject("last_entry_id", Long.class), rs.getString("outcome"), failures);
    }

    Check verify(Long townId, String checkedBy) {
        return transactions.execute(status -> {
            Instant started = clock.instant();
            Map<Long, Long> projectTowns = new HashMap<>();
            jdbc.query("select id, town_id from project_name", (RowCallbackHandler) rs -> projectTowns.put(rs.getLong(1), rs.getLong(2)));
            Walk walk = new Walk(checkpoints(townId), projectTowns);
            if (townId == null) {
                streaming.query(SELECT + " order by a.chain, a.chain_seq", walk);
            }
            else {
                String[] chains = chainsOfTown(townId);
                streaming.query(connection -> {
                    var statement = connection.prepareStatement(SELECT + " where a.chain = any(?) order by a.chain, a.chain_seq");
                    Array array = connection.createArrayOf("varchar", chains);
                    statement.setArray(1, array);
                    return statement;
                }, walk);
            }
            walk.finish();
            Instant finished = clock.instant();
            String outcome = walk.failures.isEmpty() ? INTACT : BROKEN;
            long id = jdbc.queryForObject("""
                    insert into audit_chain_check (scope_town_id, started_at, finished_at, checked_by, chains, entries,
                                                   last_entry_id, outcome)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                    """, Long.class, townId, Timestamp.from(started), Timestamp.from(finished), truncate(checkedBy),
                    walk.chains, walk.entries, walk.lastEntryId, outcome);
            for (Failure f : walk.failures) {
                jdbc.update("""
                        insert into audit_chain_failure (check_id, chain, town_id, entry_id, chain_seq, problem, expected, found)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """, id, f.chain(), f.townId(), f.entryId(), f.chainSeq(), f.problem(), f.expected(), f.found());
            }
            for (Map.Entry<String, Link> head : walk.intactHeads.entrySet()) {
                jdbc.update("""
                        insert into audit_chain_checkpoint (chain, chain_seq, hash, checked_at) values (?, ?, ?, ?)
                        on conflict (chain) do update set chain_seq = excluded.chain_seq, hash = excluded.hash,
                                                          checked_at = excluded.checked_at
                        where audit_chain_checkpoint.chain_seq < excluded.chain_seq
                        """, head.getKey(), head.getValue().chainSeq(), walk.intactHashes.get(head.getKey()),
                        Timestamp.from(finished));
            }
            auditLog.recordAs(truncate(checkedBy), AuditEvent.of("AUDIT_CHAIN_VERIFIED", "AuditChainCheck", id)
                    .inTown(townId)
                    .change(null, Map.of("outcome", outcome, "chains", walk.chains, "entries", walk.entries,
                            "brokenChains", walk.failures.stream().map(Failure::chain).toList()))
                    .detail(outcome));
            if (!walk.failures.isEmpty()) {
                log.error("Audit log verification #{} found {} broken chain(s), first: {}", id, walk.failures.size(),
                        walk.failures.get(0));
            }
            return new Check(id, townId, null, started, finished, truncate(checkedBy), walk.chains, walk.entries,
                    walk.lastEntryId, outcome, List.copyOf(walk.failures));
        });
    }

    private static final String SELECT = """
            select a.id, a.chain, a.chain_seq, a.occurred_at, a.actor, a.action, a.entity_type, a.entity_id,
                   a.town_id, a.project_id, a.before_state::text as before_text, a.after_state::text as after_text,
                   a.detail, a.hash
            from audit_log a""";

    private String[] chainsOfTown(long townId) {
        List<String> chains = new ArrayList<>();
        chains.add(AuditChain.townChain(townId));
        jdbc.queryForList("select id from project_name where town_id = ? order by id", Long.class, townId)
                .forEach(project -> chains.add(AuditChain.projectChain(project)));
        return chains.toArray(String[]::new);
    }

    private record Checkpoint(long chainSeq, String hash, Long townId) {
    }

    private Map<String, Checkpoint> checkpoints(Long townId) {
        Map<String, Checkpoint> checkpoints = new HashMap<>();
        jdbc.query("""
                select c.chain, c.chain_seq, c.hash,
                       case when c.chain like 'project:%' then p.town_id
                            when c.chain like 'town:%' then substr(c.chain, 6)::bigint end as town_id
                from audit_chain_checkpoint c
                left join project_name p on c.chain = 'project:' || p.id
                """, (RowCallbackHandler) rs -> {
            Long town = rs.getObject("town_id", Long.class);
            if (townId == null || townId.equals(town)) {
                checkpoints.put(rs.getString("chain"), new Checkpoint(rs.getLong("chain_seq"), rs.getString("hash"), town));
            }
        });
        return checkpoints;
    }

    /** The walk over the stream of entries, ordered by chain and number. */
    private static final class Walk implements RowCallbackHandler {

        final Map<String, Checkpoint> checkpoints;
        final List<Failure> failures = new ArrayList<>();
        final Map<String, Link> intactHeads = new HashMap<>();
        final Map<String, String> intactHashes = new HashMap<>();
        int chains;
        long entries;
        Long lastEntryId;

        private String chain;
        private Long chainTown;
        private long expectedSeq;
        private String previousHash;
        private Link last;
        private boolean broken;

        private final Map<Long, Long> projectTowns;

        Walk(Map<String, Checkpoint> checkpoints, Map<Long, Long> projectTowns) {
            this.checkpoints = new HashMap<>(checkpoints);
            this.projectTowns = projectTowns;
        }

        /** The town a chain belongs to (whose administrator sees its failures): null for the county's. */
        private Long townOf(String chain) {
            try {
                if (chain.startsWith("project:")) {
                    return projectTowns.get(Long.valueOf(chain.substring("project:".length())));
                }
                return chain.startsWith("town:") ? Long.valueOf(chain.substring("town:".length())) : null;
            }
            catch (NumberFormatException notAChainOfOurs) {
                return null;
            }
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            String rowChain = rs.getString("chain");
            if (!rowChain.equals(chain)) {
                endChain();
                chain = rowChain;
                chainTown = townOf(rowChain);
                chains++;
                expectedSeq = 1;
                previousHash = null;
                last = null;
                broken = false;
            }
            entries++;
            long id = rs.getLong("id");
            lastEntryId = lastEntryId == null ? id : Math.max(lastEntryId, id);
            if (broken) {
                return;
            }
            Link link = new Link(id, rowChain, rs.getLong("chain_seq"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                    rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                    rs.getObject("town_id", Long.class), rs.getObject("project_id", Long.class),
                    rs.getString("before_text"), rs.getString("after_text"), rs.getString("detail"));
            String stored = rs.getString("hash");
            if (!rowChain.equals(AuditChain.chainOf(link.townId(), link.projectId()))) {
                fail(link, "WRONG_CHAIN", AuditChain.chainOf(link.townId(), link.projectId()), rowChain);
                return;
            }
            if (link.chainSeq() != expectedSeq) {
                fail(link, "OUT_OF_SEQUENCE", Long.toString(expectedSeq), Long.toString(link.chainSeq()));
                return;
            }
            String computed = AuditChain.hash(link, previousHash);
            if (!computed.equals(stored)) {
                fail(link, "HASH_MISMATCH", computed, stored);
                return;
            }
            Checkpoint checkpoint = checkpoints.get(rowChain);
            if (checkpoint != null && checkpoint.chainSeq() == link.chainSeq() && !checkpoint.hash().equals(stored)) {
                fail(link, "CHECKPOINT_CHANGED", checkpoint.hash(), stored);
                return;
            }
            expectedSeq++;
            previousHash = stored;
            last = link;
        }

        private void fail(Link link, String problem, String expected, String found) {
            failures.add(new Failure(link.chain(), chainTown, link.id(), link.chainSeq(), problem, truncate(expected, 100),
                    truncate(found, 100)));
            broken = true;
        }

        private void endChain() {
            if (chain == null) {
                return;
            }
            Checkpoint checkpoint = checkpoints.remove(chain);
            if (!broken && checkpoint != null && (last == null || last.chainSeq() < checkpoint.chainSeq())) {
                failures.add(new Failure(chain, chainTown, null, last == null ? null : last.chainSeq(), "CUT_SHORT",
                        Long.toString(checkpoint.chainSeq()), Long.toString(last == null ? 0 : last.chainSeq())));
                broken = true;
            }
            if (!broken && last != null) {
                intactHeads.put(chain, last);
                intactHashes.put(chain, previousHash);
            }
        }

        void finish() {
            endChain();
            chain = null;
            for (Map.Entry<String, Checkpoint> gone : checkpoints.entrySet()) {
                failures.add(new Failure(gone.getKey(), gone.getValue().townId(), null, null, "CUT_SHORT",
                        Long.toString(gone.getValue().chainSeq()), "0"));
                chains++;
            }
            failures.sort(java.util.Comparator.comparing(Failure::chain));
        }
    }

    private static String truncate(String text) {
        return truncate(text, 64);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
