package org.workrelief.payout;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.db.RowStamp;
import org.workrelief.worker.WorkerPins;

/**
 * Records the co-workers' confirmations of each line (rule 8), each the witness's own act: given on the
 * site device with the witness's own PIN, or read from the team's signed sheet whose scan is uploaded
 * (it counts once the committee attests the sheet, see {@link ConfirmationSheets}). The line is locked
 * while a confirmation is added, so two devices at once cannot give it a third.
 */
@Service
public class ConfirmationService {

    /** How a confirmation was given; {@code payout.confirm.method.<NAME>} on screen. */
    public enum Method {
        /** On site, with the witness's own PIN. */
        PIN,
        /** From the signed paper sheet, against its uploaded scan. */
        SHEET,
        /** Typed from a sheet reference before evidence was required; kept as history, never counted. */
        TYPED
    }

    private final JdbcClient jdbc;
    private final PayoutBatches batches;
    private final WitnessPolicy policy;
    private final ConfirmationSheets sheets;
    private final WorkerPins pins;
    private final Clock clock;

    ConfirmationService(JdbcClient jdbc, PayoutBatches batches, WitnessPolicy policy, ConfirmationSheets sheets,
            WorkerPins pins, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.policy = policy;
        this.sheets = sheets;
        this.pins = pins;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Confirmation> confirmationsOf(SignedInUser viewer, long batchId) {
        return confirmationsOf(batches.batch(viewer, batchId));
    }

    /** The confirmations of a batch the caller has already checked the viewer may see. */
    @Transactional(readOnly = true)
    public List<Confirmation> confirmationsOf(PayoutBatch visible) {
        long batchId = visible.id();
        return jdbc.sql("""
                select c.*, w.worker_code, w.name, s.attested_at is not null as attested
                from cross_confirmation c join payout_line l on l.id = c.line_id
                join worker_name w on w.id = c.witness_worker_id left join confirmation_sheet s on s.id = c.sheet_id
                where l.batch_id = :batchId order by c.line_id, c.slot
                """).param("batchId", batchId).query((rs, i) -> new Confirmation(rs.getLong("id"), rs.getLong("line_id"),
                rs.getInt("slot"), rs.getLong("witness_worker_id"), rs.getString("worker_code"), rs.getString("name"),
                Method.valueOf(rs.getString("method")), rs.getObject("sheet_id", Long.class), rs.getBoolean("attested"),
                rs.getString("sheet_ref"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant())).list();
    }

    /**
     * A team's line with its confirmations, the co-workers who may still vouch for it, and of them the
     * ones printed on the sheet as suggested witnesses (the members beside the payee by worker code).
     */
    public record TeamLine(PayoutLine line, List<Confirmation> confirmations, List<WitnessPolicy.Candidate> eligible,
            List<WitnessPolicy.Candidate> suggested) {

        /** Slots still free on the line (a confirmation of any kind takes one). */
        public int open() {
            return Math.max(0, ReleaseGate.WITNESSES_PER_LINE - confirmations.size());
        }

        public long counted() {
            return confirmations.stream().filter(Confirmation::counts).count();
        }
    }

    @Transactional(readOnly = true)
    public List<TeamLine> team(SignedInUser viewer, long batchId, long teamId) {
        return team(batches.batch(viewer, batchId), teamId);
    }

    /** A team's lines of a batch the caller has already checked the viewer may see (the team's pages). */
    @Transactional(readOnly = true)
    public List<TeamLine> team(PayoutBatch batch, long teamId) {
        long batchId = batch.id();
        Map<Long, List<Confirmation>> byLine = confirmationsOf(batch).stream()
                .collect(Collectors.groupingBy(Confirmation::lineId));
        List<PayoutLine> lines = batches.linesOf(batchId).stream().filter(l -> l.teamId() == teamId).toList();
        Map<Long, List<WitnessPolicy.Candidate>> mayVouch = batch.editable()
                ? policy.eligibleFor(batch, lines.stream().map(PayoutLine::workerId).toList(), policy.worked(batch))
                : Map.of();
        List<TeamLine> team = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PayoutLine line = lines.get(i);
            List<Confirmation> given = byLine.getOrDefault(line.id(), List.of());
            List<WitnessPolicy.Candidate> eligible = given.size() >= ReleaseGate.WITNESSES_PER_LINE ? List.of()
                    : mayVouch.getOrDefault(line.workerId(), List.of()).stream()
                            .filter(c -> given.stream().noneMatch(g -> g.witnessId() == c.workerId())).toList();
            List<Long> beside = neighbours(lines, i);
            List<WitnessPolicy.Candidate> suggested = eligible.stream().filter(c -> beside.contains(c.workerId()))
                    .sorted(Comparator.comparing(c -> beside.indexOf(c.workerId()))).limit(given.isEmpty() ? 2 : 1)
                    .toList();
            team.add(new TeamLine(line, given, eligible, suggested));
        }
        return team;
    }

    /**
     * The members beside a line's payee in the team, next and previous by worker code in a ring: the
     * usual practice on the sheet, printed as a suggestion (the signatures on the sheet decide).
     */
    private static List<Long> neighbours(List<PayoutLine> team, int i) {
        if (team.size() < 2) {
            return List.of();
        }
        return List.of(team.get((i + 1) % team.size()).workerId(), team.get((i - 1 + team.size()) % team.size()).workerId());
    }

    /**
     * The co-workers who may vouch for at least one line of the team, once each by worker code: the
     * team page sends this list once for all its lines (each line's own refusals are said on entry).
     */
    public static List<WitnessPolicy.Candidate> witnessList(List<TeamLine> team) {
        Map<Long, WitnessPolicy.Candidate> union = new TreeMap<>();
        team.forEach(t -> t.eligible().forEach(c -> union.putIfAbsent(c.workerId(), c)));
        return union.values().stream().sorted(Comparator.comparing(WitnessPolicy.Candidate::code)).toList();
    }

    /**
     * 本人确认: the witness, at the site device, confirms a co-worker's line with their own worker code
     * and PIN. A wrong PIN counts towards the witness's lock-out even though nothing is recorded.
     */
    @Transactional
    public Confirmation confirmByPin(SignedInUser device, long lineId, String witnessCode, String pin) {
        ConfirmationSheets.requireRecorder(device);
        PayoutLine line = batches.line(lineId).orElseThrow(() -> new NotFoundException(PayoutBatches.LINE, lineId));
        PayoutBatch batch = batches.editableBatch(device, line.batchId());
        long witness = pins.verify(device, witnessCode, pin).getId();
        return record(device, line, batch, witness, Method.PIN, null);
    }

    /** One confirmation read from a sheet: the line and the witness as entered (list entry, worker code or name). */
    public record SheetEntry(long lineId, String witness) {
    }

    /**
     * Confirmations read from one uploaded sheet, line by line or a whole team at once: all are recorded,
     * or none, and the refusal names every line that could not be recorded and why.
     */
    @Transactional
    public int recordFromSheet(SignedInUser actor, long sheetId, List<SheetEntry> entries) {
        ConfirmationSheets.requireRecorder(actor);
        ConfirmationSheet sheet = sheets.forRecording(actor, sheetId);
        PayoutBatch batch = batches.find(sheet.batchId());
        List<SheetEntry> given = entries.stream().filter(e -> e.witness() != null && !e.witness().isBlank()).toList();
        if (given.isEmpty()) {
            throw new BusinessRuleException("payout.sheet.nothingEntered");
        }
        Map<Long, PayoutLine> lines = batches.linesOf(batch.id()).stream().filter(l -> l.teamId() == sheet.teamId())
                .collect(Collectors.toMap(PayoutLine::id, l -> l));
        List<MessageSourceResolvable> refusals = new ArrayList<>();
        for (SheetEntry entry : given) {
            PayoutLine line = lines.get(entry.lineId());
            if (line == null) {
                throw new NotFoundException(PayoutBatches.LINE, entry.lineId());
            }
            try {
                record(actor, line, batch, witnessAsEntered(batch, line, entry.witness()), Method.SHEET, sheet.id());
            }
            catch (BusinessRuleException refused) {
                refusals.add(new DefaultMessageSourceResolvable(new String[] { "payout.sheet.lineRefused" },
                        new Object[] { line.workerCode() + " " + line.workerName(), entry.witness().strip(),
                                new DefaultMessageSourceResolvable(new String[] { refused.getMessageKey() },
                                        refused.getArgs()) }, refused.getMessageKey()));
            }
        }
        if (!refusals.isEmpty()) {
            // thrown, so the transaction rolls back what was recorded: all or nothing
            throw new BusinessRuleException("payout.sheet.refused", refusals.size(), joined(refusals));
        }
        return given.size();
    }

    /** Several messages as one argument, each resolved in the reader's language, joined by "；". */
    private static MessageSourceResolvable joined(List<MessageSourceResolvable> messages) {
        MessageSourceResolvable all = messages.get(messages.size() - 1);
        for (int i = messages.size() - 2; i >= 0; i--) {
            all = new DefaultMessageSourceResolvable(new String[] { "list.joined" },
                    new Object[] { messages.get(i), all }, "");
        }
        return all;
    }

    /** The witness as entered on the team page: "JS000002 李四 · 开挖组" from the list, a worker code, or a name. */
    private long witnessAsEntered(PayoutBatch batch, PayoutLine line, String witness) {
        String entered = witness.strip();
        // as given or in upper case (codes are JS000123), so that the unique index answers
        String code = entered.split("\\s+")[0];
        Optional<Long> byCode = jdbc.sql(
                "select id from worker_name where worker_code in (:code, :upperCode) order by worker_code = :code desc")
                .param("code", code).param("upperCode", code.toUpperCase(Locale.ROOT)).query(Long.class).list().stream()
                .findFirst();
        if (byCode.isPresent()) {
            return byCode.get();
        }
        List<WitnessPolicy.Candidate> named = policy.eligible(batch, line.workerId()).stream()
                .filter(c -> c.name().equals(entered)).toList();
        if (named.size() == 1) {
            return named.get(0).workerId();
        }
        throw new BusinessRuleException(named.isEmpty() ? "payout.confirm.witness.unknown"
                : "payout.confirm.witness.ambiguous", entered);
    }

    /** Rule 8 for one confirmation: a free slot, not the same witness twice, a witness the policy allows. */
    private Confirmation record(SignedInUser actor, PayoutLine line, PayoutBatch batch, long witnessId, Method method,
            Long sheetId) {
        // one device at a time per line: the count below and the insert see the same confirmations
        jdbc.sql("select id from payout_line where id = :lineId for update").param("lineId", line.id()).query(Long.class)
                .list();
        List<Long> already = witnessesOf(line.id());
        if (already.size() >= ReleaseGate.WITNESSES_PER_LINE) {
            throw new BusinessRuleException("payout.confirm.full");
        }
        if (already.contains(witnessId)) {
            throw new BusinessRuleException("payout.confirm.duplicate");
        }
        Optional<WitnessPolicy.Ineligible> refused = policy.check(batch, line.workerId(), witnessId);
        if (refused.isPresent()) {
            throw new BusinessRuleException(refused.get().messageKey());
        }
        int slot = jdbc.sql("select slot from cross_confirmation where line_id = :lineId").param("lineId", line.id())
                .query(Integer.class).list().contains(1) ? 2 : 1;
        long id = RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                insert into cross_confirmation (line_id, slot, witness_worker_id, payee_worker_id, method, sheet_id,
                                                %s)
                values (:lineId, :slot, :witnessId, :payeeId, :method, :sheetId, %s) returning id
                """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).param("lineId", line.id()).param("slot", slot)
                .param("witnessId", witnessId).param("payeeId", line.workerId()).param("method", method.name())
                .param("sheetId", sheetId, java.sql.Types.BIGINT).query(Long.class).single();
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("witness", witnessId);
        after.put("slot", slot);
        after.put("method", method.name());
        if (sheetId != null) {
            after.put("sheet", sheetId);
        }
        batches.auditLine(actor, "CONFIRMATION_RECORDED", line, batch, null, after);
        return confirmationsOf(actor, batch.id()).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /** Takes back a confirmation recorded by mistake (before approval). */
    @Transactional
    public void remove(SignedInUser actor, long confirmationId) {
        ConfirmationSheets.requireRecorder(actor);
        Given given = jdbc.sql("select * from cross_confirmation where id = :confirmationId")
                .param("confirmationId", confirmationId).query(Given.class).optional()
                .orElseThrow(() -> new NotFoundException("CrossConfirmation", confirmationId));
        PayoutLine line = batches.line(given.lineId()).orElseThrow();
        PayoutBatch batch = batches.editableBatch(actor, line.batchId());
        jdbc.sql("delete from cross_confirmation where id = :confirmationId").param("confirmationId", confirmationId)
                .update();
        batches.auditLine(actor, "CONFIRMATION_REMOVED", line, batch,
                Map.of("witness", given.witnessWorkerId(), "method", given.method().name()), null);
    }

    /** A stored confirmation, as much of it as taking it back needs. */
    private record Given(long lineId, long witnessWorkerId, Method method) {
    }

    private List<Long> witnessesOf(long lineId) {
        return jdbc.sql("select witness_worker_id from cross_confirmation where line_id = :lineId").param("lineId", lineId)
                .query(Long.class).list();
    }
}
