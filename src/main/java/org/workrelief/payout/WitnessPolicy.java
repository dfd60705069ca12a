package org.workrelief.payout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.workrelief.supervision.ApprovedAttendance;
import org.workrelief.worker.Household;

/**
 * Rule 8, who may vouch for a payee's line (互证): a co-worker enrolled on the same project during the
 * period, with approved attendance in that period, not the payee, and not of the payee's household
 * (where households are recorded: same village and household number). The database backs the
 * first rules too (witness not payee, no witness twice, at most two per line).
 */
@Component
public class WitnessPolicy {

    /** Why a co-worker cannot vouch for a line; {@code payout.witness.<NAME>} on screen. */
    public enum Ineligible {
        PAYEE, NOT_ENROLLED, NO_APPROVED_ATTENDANCE, SAME_HOUSEHOLD;

        public String messageKey() {
            return "payout.witness." + name();
        }
    }

    /** A worker as a possible witness. */
    public record Candidate(long workerId, String code, String name, String teamName) {
    }

    private record Facts(long workerId, String code, String name, String village, String household, boolean enrolled) {
    }

    /** A payee's team in the batch, as its line names it. */
    private record TeamOf(long workerId, String teamName) {
    }

    private final JdbcClient jdbc;
    private final ApprovedAttendance attendance;

    WitnessPolicy(JdbcClient jdbc, ApprovedAttendance attendance) {
        this.jdbc = jdbc;
        this.attendance = attendance;
    }

    /** The judgement for one witness of one payee in a batch's project and period. */
    public Optional<Ineligible> check(PayoutBatch batch, long payeeId, long witnessId) {
        // only this witness's attendance: a whole team confirmed line by line asks once per witness
        Set<Long> worked = attendance.hasCountedDay(batch.projectId(), batch.periodFrom(), batch.periodTo(), witnessId)
                ? Set.of(witnessId) : Set.of();
        return judge(batch, payeeId, List.of(witnessId), worked).get(witnessId);
    }

    /** Everyone who may vouch for the payee, by worker code. */
    public List<Candidate> eligible(PayoutBatch batch, long payeeId) {
        return eligibleFor(batch, List.of(payeeId), worked(batch)).get(payeeId);
    }

    /**
     * Who may vouch for each of these payees, by worker code: a page of many lines asks once, with two
     * statements whatever the number of lines.
     */
    Map<Long, List<Candidate>> eligibleFor(PayoutBatch batch, List<Long> payeeIds, Set<Long> worked) {
        List<Long> all = new ArrayList<>(worked);
        payeeIds.stream().filter(id -> !worked.contains(id)).forEach(all::add);
        Map<Long, Facts> facts = facts(batch, all).stream().collect(Collectors.toMap(Facts::workerId, Function.identity()));
        Map<Long, String> teams = teamsOf(batch);
        List<Long> witnesses = new ArrayList<>(worked);
        Map<Long, List<Candidate>> eligible = new java.util.HashMap<>();
        for (long payee : payeeIds) {
            Map<Long, Optional<Ineligible>> judged = judge(payee, witnesses, worked, facts);
            eligible.put(payee, witnesses.stream().filter(id -> judged.get(id).isEmpty()).map(facts::get)
                    .map(f -> new Candidate(f.workerId(), f.code(), f.name(), teams.getOrDefault(f.workerId(), "")))
                    .sorted(java.util.Comparator.comparing(Candidate::code)).toList());
        }
        return eligible;
    }

    Map<Long, Optional<Ineligible>> judge(PayoutBatch batch, long payeeId, List<Long> witnessIds, Set<Long> worked) {
        List<Long> all = new ArrayList<>(witnessIds);
        all.add(payeeId);
        Map<Long, Facts> facts = facts(batch, all).stream().collect(Collectors.toMap(Facts::workerId, Function.identity()));
        return judge(payeeId, witnessIds, worked, facts);
    }

    private static Map<Long, Optional<Ineligible>> judge(long payeeId, List<Long> witnessIds, Set<Long> worked,
            Map<Long, Facts> facts) {
        Facts payee = facts.get(payeeId);
        Map<Long, Optional<Ineligible>> result = new java.util.HashMap<>();
        for (long id : witnessIds) {
            Facts witness = facts.get(id);
            Ineligible why = null;
            if (id == payeeId) {
                why = Ineligible.PAYEE;
            }
            else if (witness == null || !witness.enrolled()) {
                why = Ineligible.NOT_ENROLLED;
            }
            else if (!worked.contains(id)) {
                why = Ineligible.NO_APPROVED_ATTENDANCE;
            }
            else if (payee != null && Household.same(payee.village(), payee.household(), witness.village(),
                    witness.household())) {
                why = Ineligible.SAME_HOUSEHOLD;
            }
            result.put(id, Optional.ofNullable(why));
        }
        return result;
    }

    Set<Long> worked(PayoutBatch batch) {
        Set<Long> worked = new HashSet<>();
        attendance.totals(batch.projectId(), batch.periodFrom(), batch.periodTo()).stream()
                .filter(t -> t.fullDays() + t.halfDays() > 0).forEach(t -> worked.add(t.workerId()));
        return worked;
    }

    private List<Facts> facts(PayoutBatch batch, List<Long> workerIds) {
        if (workerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select w.id, w.worker_code, w.name, w.village, w.household_no,
                       exists (select 1 from enrollment_period e where e.project_id = :projectId and e.worker_id = w.id
                               and e.enrolled_on <= :periodTo and (e.left_on is null or e.left_on >= :periodFrom)) as enrolled
                from worker_household w where w.id = any (:workerIds)
                """).param("projectId", batch.projectId()).param("periodTo", batch.periodTo())
                .param("periodFrom", batch.periodFrom()).param("workerIds", new SqlArrayValue("bigint", workerIds.toArray()))
                .query((rs, i) -> new Facts(rs.getLong("id"), rs.getString("worker_code"), rs.getString("name"),
                        rs.getString("village"), rs.getString("household_no"), rs.getBoolean("enrolled"))).list();
    }

    private Map<Long, String> teamsOf(PayoutBatch batch) {
        Map<Long, String> teams = new java.util.HashMap<>();
        jdbc.sql("select worker_id, team_name from payout_line where batch_id = :batchId").param("batchId", batch.id())
                .query(TeamOf.class).list().forEach(team -> teams.put(team.workerId(), team.teamName()));
        return teams;
    }
}
