package org.workrelief.payout;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;

/**
 * Records the two co-workers' confirmations of each line from the signed paper sheet (rule 8). The
 * line is locked while a confirmation is added, so two clerks at once cannot give it a third.
 */
@Service
public class ConfirmationService {

    static final int REQUIRED = 2;

    private final JdbcTemplate jdbc;
    private final PayoutService payouts;
    private final WitnessPolicy policy;
    private final Clock clock;

    ConfirmationService(JdbcTemplate jdbc, PayoutService payouts, WitnessPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.payouts = payouts;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Confirmation> confirmationsOf(SignedInUser viewer, long batchId) {
        payouts.batch(viewer, batchId);
        return jdbc.query("""
                select c.*, w.worker_code, w.name from cross_confirmation c join payout_line l on l.id = c.line_id
                join worker w on w.id = c.witness_worker_id where l.batch_id = ? order by c.line_id, c.slot
                """, (rs, i) -> new Confirmation(rs.getLong("id"), rs.getLong("line_id"), rs.getInt("slot"),
                rs.getLong("witness_worker_id"), rs.getString("worker_code"), rs.getString("name"),
                rs.getString("sheet_ref"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()), batchId);
    }

    /** The co-workers who may still vouch for a line. */
    @Transactional(readOnly = true)
    public List<WitnessPolicy.Candidate> eligibleWitnesses(SignedInUser viewer, long lineId) {
        PayoutLine line = payouts.line(lineId).orElseThrow(() -> new NotFoundException(PayoutService.LINE, lineId));
        PayoutBatch batch = payouts.batch(viewer, line.batchId());
        List<Long> already = witnessesOf(lineId);
        return policy.eligible(batch, line.workerId()).stream().filter(c -> !already.contains(c.workerId())).toList();
    }

    /** A team's lines with their confirmations and the co-workers who may still vouch for each. */
    public record TeamLine(PayoutLine line, List<Confirmation> confirmations, List<WitnessPolicy.Candidate> eligible) {
    }

    @Transactional(readOnly = true)
    public List<TeamLine> team(SignedInUser viewer, long batchId, long teamId) {
        PayoutBatch batch = payouts.batch(viewer, batchId);
        Set<Long> worked = policy.worked(batch);
        Map<Long, List<Confirmation>> byLine = confirmationsOf(viewer, batchId).stream()
                .collect(java.util.stream.Collectors.groupingBy(Confirmation::lineId));
        List<TeamLine> team = new ArrayList<>();
        for (PayoutLine line : payouts.linesOf(batchId)) {
            if (line.teamId() != teamId) {
                continue;
            }
            List<Confirmation> given = byLine.getOrDefault(line.id(), List.of());
            List<WitnessPolicy.Candidate> eligible = !batch.editable() || given.size() >= REQUIRED ? List.of()
                    : policy.eligible(batch, line.workerId(), worked).stream()
                            .filter(c -> given.stream().noneMatch(g -> g.witnessId() == c.workerId())).toList();
            team.add(new TeamLine(line, given, eligible));
        }
        return team;
    }

    /**
     * The co-workers who may vouch for at least one line of the team, once each by worker code: the
     * team page sends this list once for all its lines (each line's own refusals are said on entry).
     */
    public static List<WitnessPolicy.Candidate> witnessList(List<TeamLine> team) {
        Map<Long, WitnessPolicy.Candidate> union = new java.util.TreeMap<>();
        team.forEach(t -> t.eligible().forEach(c -> union.putIfAbsent(c.workerId(), c)));
        return union.values().stream().sorted(java.util.Comparator.comparing(WitnessPolicy.Candidate::code)).toList();
    }

    /**
     * A confirmation with the witness as entered on the team page: the list's entry ("JS000002 李四 ·
     * 开挖组"), a worker code, or a name that exactly one co-worker who may vouch for the line has.
     */
    @Transactional
    public Confirmation confirm(SignedInUser actor, long lineId, String witness, String sheetRef) {
        String entered = witness == null ? "" : witness.trim();
        if (entered.isEmpty()) {
            throw new BusinessRuleException("payout.confirm.witness");
        }
        // as given or in upper case (codes are JS000123), so that the unique index answers
        String code = entered.split("\\s+")[0];
        Optional<Long> byCode = jdbc.queryForList(
                "select id from worker where worker_code in (?, ?) order by worker_code = ? desc", Long.class, code,
                code.toUpperCase(java.util.Locale.ROOT), code).stream().findFirst();
        if (byCode.isPresent()) {
            return confirm(actor, lineId, byCode.get(), sheetRef);
        }
        List<WitnessPolicy.Candidate> named = eligibleWitnesses(actor, lineId).stream()
                .filter(c -> c.name().equals(entered)).toList();
        if (named.size() == 1) {
            return confirm(actor, lineId, named.get(0).workerId(), sheetRef);
        }
        throw new BusinessRuleException(named.isEmpty() ? "payout.confirm.witness.unknown"
                : "payout.confirm.witness.ambiguous", entered);
    }

    @Transactional
    public Confirmation confirm(SignedInUser actor, long lineId, long witnessId, String sheetRef) {
        PayoutService.requireRole(actor, Role.ADMIN, Role.STAFF);
        PayoutLine line = payouts.line(lineId).orElseThrow(() -> new NotFoundException(PayoutService.LINE, lineId));
        PayoutBatch batch = payouts.editableBatch(actor, line.batchId());
        String ref = sheetRef == null ? "" : sheetRef.trim();
        if (ref.isEmpty() || ref.length() > 64) {
            throw new BusinessRuleException("payout.confirm.sheetRef.required");
        }
        // one clerk at a time per line: the count below and the insert see the same confirmations
        jdbc.queryForList("select id from payout_line where id = ? for update", Long.class, lineId);
        List<Long> already = witnessesOf(lineId);
        if (already.size() >= REQUIRED) {
            throw new BusinessRuleException("payout.confirm.full");
        }
        if (already.contains(witnessId)) {
            throw new BusinessRuleException("payout.confirm.duplicate");
        }
        Optional<WitnessPolicy.Ineligible> refused = policy.check(batch, line.workerId(), witnessId);
        if (refused.isPresent()) {
            throw new BusinessRuleException(refused.get().messageKey());
        }
        int slot = jdbc.queryForList("select slot from cross_confirmation where line_id = ?", Integer.class, lineId)
                .contains(1) ? 2 : 1;
        Timestamp now = Timestamp.from(clock.instant());
        Long id = jdbc.queryForObject("""
                insert into cross_confirmation (line_id, slot, witness_worker_id, payee_worker_id, sheet_ref,
                                                created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, lineId, slot, witnessId, line.workerId(), ref, now, actor.getUsername(), now,
                actor.getUsername());
        payouts.auditLine(actor, "CONFIRMATION_RECORDED", line, batch, null,
                Map.of("witness", witnessId, "slot", slot, "sheet", ref));
        return confirmationsOf(actor, batch.id()).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /** Takes back a confirmation entered by mistake (before approval). */
    @Transactional
    public void remove(SignedInUser actor, long confirmationId) {
        PayoutService.requireRole(actor, Role.ADMIN, Role.STAFF);
        Map<String, Object> row = jdbc.queryForList("select * from cross_confirmation where id = ?", confirmationId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("CrossConfirmation", confirmationId));
        long lineId = ((Number) row.get("line_id")).longValue();
        PayoutLine line = payouts.line(lineId).orElseThrow();
        PayoutBatch batch = payouts.editableBatch(actor, line.batchId());
        jdbc.update("delete from cross_confirmation where id = ?", confirmationId);
        payouts.auditLine(actor, "CONFIRMATION_REMOVED", line, batch,
                Map.of("witness", row.get("witness_worker_id"), "sheet", row.get("sheet_ref")), null);
    }

    /**
     * The usual practice on the sheet: within a team, each member is vouched for by the members
     * beside them (the next and the previous by worker code, in a ring). Fills the lines of the team
     * still short of two confirmations with those neighbours where the policy allows; returns how
     * many confirmations were recorded.
     */
    @Transactional
    public int confirmTeamInPairs(SignedInUser actor, long batchId, long teamId, String sheetRef) {
        PayoutService.requireRole(actor, Role.ADMIN, Role.STAFF);
        PayoutBatch batch = payouts.editableBatch(actor, batchId);
        List<PayoutLine> team = payouts.linesOf(batchId).stream().filter(l -> l.teamId() == teamId).toList();
        if (team.size() < 3) {
            throw new BusinessRuleException("payout.confirm.teamTooSmall");
        }
        Set<Long> worked = policy.worked(batch);
        int recorded = 0;
        for (int i = 0; i < team.size(); i++) {
            PayoutLine line = team.get(i);
            List<Long> neighbours = new ArrayList<>(List.of(team.get((i + 1) % team.size()).workerId(),
                    team.get((i - 1 + team.size()) % team.size()).workerId()));
            Map<Long, Optional<WitnessPolicy.Ineligible>> judged = policy.judge(batch, line.workerId(), neighbours, worked);
            for (long witness : neighbours) {
                if (witnessesOf(line.id()).size() >= REQUIRED || witnessesOf(line.id()).contains(witness)
                        || judged.get(witness).isPresent()) {
                    continue;
                }
                confirm(actor, line.id(), witness, sheetRef);
                recorded++;
            }
        }
        return recorded;
    }

    private List<Long> witnessesOf(long lineId) {
        return jdbc.queryForList("select witness_worker_id from cross_confirmation where line_id = ?", Long.class, lineId);
    }
}
