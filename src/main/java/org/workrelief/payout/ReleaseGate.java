package org.workrelief.payout;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.workrelief.payout.ConfirmationService.Method;
import org.springframework.stereotype.Component;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;

/**
 * The gate money passes twice, at approval and again at release: rules 8 and 9 in one place.
 * <ul>
 * <li>Rule 8: every line vouched for by {@link #WITNESSES_PER_LINE} different co-workers, each
 * confirmation evidence of the witness's own act: given with their own PIN, or recorded from a signed
 * paper sheet that a committee member has attested ({@link #COUNTS}). A confirmation typed without
 * evidence, or on a sheet still awaiting its check, does not count.</li>
 * <li>Rule 9: the notice period over, no open complaint (objection) on the batch or its lines, the call-back sample done, and the approver
 * someone who had no hand in the figures (maker-checker).</li>
 * </ul>
 * Refusals say what is missing, line by line.
 */
@Component
public class ReleaseGate {

    /** Rule 8: how many different co-workers vouch for each line. Stated here only. */
    public static final int WITNESSES_PER_LINE = 2;

    /**
     * SQL condition on a confirmation {@code c}: it counts towards the gate. Given by PIN, or on a
     * sheet whose scan a committee member attested. A fragment pasted into other statements (the lines' counts), so
     * the methods are written out from {@link Method}'s names rather than bound.
     */
    static final String COUNTS = """
            (c.method = '%s' or (c.method = '%s' and exists (
                select 1 from confirmation_sheet s where s.id = c.sheet_id and s.attested_at is not null)))"""
            .formatted(Method.PIN.name(), Method.SHEET.name());

    /** How many lines are named in a refusal; the rest are counted. */
    private static final int NAMED = 10;

    /**
     * A line short of valid confirmations: how many count, how many wait for the committee to attest
     * their sheet, how many were typed without evidence (before evidence was required).
     */
    public record ShortLine(long lineId, String workerCode, String workerName, int counted, int awaitingAttestation,
            int withoutEvidence) {
    }

    private final JdbcClient jdbc;
    private final CallbackStore callbacks;
    private final OpenComplaints complaints;
    private final Clock clock;

    ReleaseGate(JdbcClient jdbc, CallbackStore callbacks, OpenComplaints complaints, Clock clock) {
        this.jdbc = jdbc;
        this.callbacks = callbacks;
        this.complaints = complaints;
        this.clock = clock;
    }

    /** Everything approval asks (the state is checked by the caller). */
    void requireApprovable(SignedInUser approver, PayoutBatch batch) {
        String me = approver.getUsername();
        if (batch.preparedBy().equalsIgnoreCase(me) || complaints.handledBy(batch.id(), me) || jdbc.sql("""
                select exists (select 1 from payout_line where batch_id = :batchId and updated_by = :me)
                    or exists (select 1 from cross_confirmation c join payout_line l on l.id = c.line_id
                               where l.batch_id = :batchId and c.created_by = :me)
                    or exists (select 1 from confirmation_sheet where batch_id = :batchId and created_by = :me)
                    or exists (select 1 from callback_check where batch_id = :batchId and resolved_by = :me)
                """).param("batchId", batch.id()).param("me", me).query(Boolean.class).single()) {
            // whoever changed the figures, recorded their evidence or decided a doubt about them prepared them too
            throw new BusinessRuleException("payout.approve.maker");
        }
        if (clock.instant().isBefore(batch.noticeUntil())) {
            throw new BusinessRuleException("payout.approve.noticeRunning", batch.noticeUntil().atZone(clock.getZone())
                    .toLocalDateTime().withSecond(0).withNano(0).toString().replace('T', ' '));
        }
        requireChecked(batch);
        CallbackSample.requireDone(callbacks.checksOf(batch.id()));
    }

    /** Release asks again what may have changed since approval could be given. */
    void requireReleasable(PayoutBatch batch) {
        requireChecked(batch);
    }

    /**
     * No open complaint on the batch or its lines (an objection during the notice is one), and every
     * line with its valid confirmations; else which lines lack what.
     */
    private void requireChecked(PayoutBatch batch) {
        int open = complaints.openOn(batch.id());
        if (open > 0) {
            throw new BusinessRuleException("payout.approve.openObjections", open);
        }
        List<ShortLine> missing = shortLines(batch.id());
        if (!missing.isEmpty()) {
            String named = missing.stream().limit(NAMED)
                    .map(l -> l.workerCode() + " " + l.workerName() + " " + l.counted() + "/" + WITNESSES_PER_LINE)
                    .collect(Collectors.joining("、")) + (missing.size() > NAMED ? " …" : "");
            int awaiting = missing.stream().mapToInt(ShortLine::awaitingAttestation).sum();
            int typed = missing.stream().mapToInt(ShortLine::withoutEvidence).sum();
            throw new BusinessRuleException("payout.approve.unconfirmed", missing.size(), named, awaiting, typed);
        }
    }

    /** The batch's lines without {@link #WITNESSES_PER_LINE} valid confirmations, by team and worker code. */
    public List<ShortLine> shortLines(long batchId) {
        return jdbc.sql("""
                select l.id, w.worker_code, w.name,
                       count(c.id) filter (where %s) as counted,
                       count(c.id) filter (where c.method = :sheet and not %s) as awaiting,
                       count(c.id) filter (where c.method = :typed) as typed
                from payout_line l join worker_name w on w.id = l.worker_id
                left join cross_confirmation c on c.line_id = l.id
                where l.batch_id = :batchId
                group by l.id, l.team_id, w.worker_code, w.name
                having count(c.id) filter (where %s) < :witnesses
                order by l.team_id, w.worker_code
                """.formatted(COUNTS, COUNTS, COUNTS)).param("sheet", Method.SHEET.name())
                .param("typed", Method.TYPED.name()).param("batchId", batchId).param("witnesses", WITNESSES_PER_LINE)
                .query((rs, i) -> new ShortLine(rs.getLong("id"), rs.getString("worker_code"), rs.getString("name"),
                        rs.getInt("counted"), rs.getInt("awaiting"), rs.getInt("typed"))).list();
    }
}
