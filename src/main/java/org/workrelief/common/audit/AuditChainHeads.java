package org.workrelief.common.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a chain of the audit log stood at a moment: the last entry written before it, with its number
 * and hash. Printed on the ledgers and posted on the town's public page, so that paper that has left
 * the building pins the history: a later rewrite changes every hash after it, and the hash on paper no
 * longer matches the entry of that number. One backward scan of the index (chain, chain_seq).
 */
@Service
public class AuditChainHeads {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditChainHeads(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The last entry of a chain written before {@code before}; {@code asOf} says that moment as printed. */
    public record Head(String chain, long chainSeq, String hash, String asOf) {
    }

    /** The project's chain at the end of {@code lastDay} (in the application's zone), or now if that is still to come. */
    @Transactional(readOnly = true)
    public Optional<Head> projectAtEndOf(long projectId, LocalDate lastDay) {
        return at(AuditChain.projectChain(projectId), lastDay);
    }

    /** The day's-end cut-off printed as {@code yyyy-MM-dd 23:59} (or now, to the minute). */
    public String asOf(LocalDate lastDay) {
        Instant end = endOf(lastDay);
        return end.isAfter(clock.instant()) ? LocalDateTime.now(clock).format(MINUTE) : lastDay + " 23:59";
    }

    /** The line printed on a ledger, in Chinese as the ledgers are. */
    public String ledgerLine(long projectId, LocalDate lastDay) {
        return projectAtEndOf(projectId, lastDay)
                .map(head -> "审计链校验值 截至 " + head.asOf() + " 第" + head.chainSeq() + "条：" + head.hash()
                        + "（本项目审计链，" + head.chain() + "）")
                .orElse("审计链校验值 截至 " + asOf(lastDay) + "：本项目尚无审计记录");
    }

    /** One line of the town's public page: whose chain (a project's name, or null for the town's own), where it stood. */
    public record Posted(String projectName, String chain, long chainSeq, String hash, String asOf) {
    }

    /**
     * Each chain of the town (its projects', given by the caller as id to name in the order to show, then the
     * town's own) at the end of {@code day}, for the public page: yesterday's end does not change during the day.
     * Chains without entries by then are left out. One statement, one probe of the index (chain, chain_seq) per chain.
     */
    @Transactional(readOnly = true)
    public List<Posted> townChainsAtEndOf(long townId, Map<Long, String> projectNames, LocalDate day) {
        String asOf = asOf(day);
        return jdbc.query("""
                select c.name, c.chain, h.chain_seq, h.hash
                from (select p.sort, p.name, 'project:' || p.id as chain
                      from unnest(?::bigint[], ?::text[]) with ordinality as p(id, name, sort)
                      union all select null::bigint, null::text, 'town:' || ?) c
                cross join lateral (select a.chain_seq, a.hash from audit_log a where a.chain = c.chain and a.occurred_at < ?
                                    order by a.chain_seq desc limit 1) h
                order by c.sort nulls last
                """, (rs, row) -> new Posted(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), asOf),
                projectNames.keySet().toArray(Long[]::new), projectNames.values().toArray(String[]::new), townId,
                Timestamp.from(endOf(day)));
    }

    private Optional<Head> at(String chain, LocalDate lastDay) {
        String asOf = asOf(lastDay);
        return jdbc.query("""
                select chain_seq, hash from audit_log where chain = ? and occurred_at < ?
                order by chain_seq desc limit 1
                """, (rs, row) -> new Head(chain, rs.getLong(1), rs.getString(2), asOf), chain,
                Timestamp.from(endOf(lastDay))).stream().findFirst();
    }

    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }
}
