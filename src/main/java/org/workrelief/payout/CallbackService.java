package org.workrelief.payout;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.db.RowStamp;
import org.workrelief.worker.WorkerService;

/**
 * 回访抽查: a committee member of the batch's town calls or visits each sampled worker and records the
 * answer; an administrator resolves every answer that differs, by a corrected line or a written decision.
 * The rule that holds approval back is {@link CallbackSample}.
 */
@Service
public class CallbackService {

    static final String CHECK = "CallbackCheck";

    private final JdbcClient jdbc;
    private final PayoutBatches batches;
    private final CallbackStore store;
    private final WorkerService workers;
    private final Clock clock;

    CallbackService(JdbcClient jdbc, PayoutBatches batches, CallbackStore store, WorkerService workers, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.store = store;
        this.workers = workers;
        this.clock = clock;
    }

    /** The sample of a batch the viewer may see (empty for a batch never publicized, or a follow-up batch). */
    @Transactional(readOnly = true)
    public Optional<CallbackStore.Sample> sampleOf(SignedInUser viewer, long batchId) {
        batches.batch(viewer, batchId);
        return store.sampleOf(batchId);
    }

    /**
     * The sample (null when none was drawn) and its checks, for the batch page: {@code visible} is the batch
     * as {@link PayoutBatches#batch(SignedInUser, long)} gave it to this viewer (the page's statements are counted).
     */
    @Transactional(readOnly = true)
    public CallbackStore.Overview overviewOf(PayoutBatch visible) {
        return store.overview(visible.id());
    }

    @Transactional(readOnly = true)
    public List<CallbackCheck> checksOf(SignedInUser viewer, long batchId) {
        batches.batch(viewer, batchId);
        return store.checksOf(batchId);
    }

    /** The workers' phone numbers, shown only to a committee member and only while the check is open. */
    @Transactional(readOnly = true)
    public Map<Long, String> phonesFor(SignedInUser viewer, long batchId) {
        batches.batch(viewer, batchId);
        Map<Long, String> phones = new LinkedHashMap<>();
        if (!viewer.hasRole(Role.SUPERVISOR)) {
            return phones;
        }
        for (CallbackCheck check : store.checksOf(batchId)) {
            if (check.open()) {
                String phone = workers.get(viewer, check.workerId()).getPhone();
                if (phone != null && !phone.isBlank()) {
                    phones.put(check.id(), phone);
                }
            }
        }
        return phones;
    }

    /** What the committee member found: reached or not; if reached, the days worked the same or how they differ. */
    public record Answer(boolean reached, String worked, String differsHow, BigDecimal expectedAmount, String note,
            long version) {
    }

    /**
     * Records one call-back by a committee member. An attempt that did not reach the worker is recorded
     * and leaves the check open; an answer closes it.
     */
    @Transactional
    public CallbackCheck record(SignedInUser actor, long checkId, Answer answer) {
        actor.require(Role.SUPERVISOR);
        CallbackCheck check = store.check(checkId).orElseThrow(() -> new NotFoundException(CHECK, checkId));
        PayoutBatch batch = batches.lockedBatch(actor, check.batchId());
        if (batch.status() != BatchStatus.PUBLICIZED) {
            throw new BusinessRuleException("payout.callback.notPublicized");
        }
        if (!check.open()) {
            throw new BusinessRuleException("payout.callback.done");
        }
        String note = trim(answer.note());
        if (note != null && note.length() > 1000) {
            throw new BusinessRuleException("payout.callback.incomplete");
        }
        RowStamp stamp = RowStamp.now(clock, actor.getUsername());
        if (!answer.reached()) {
            int changed = stamp.on(jdbc.sql("""
                    update callback_check set reached = false, attempts = attempts + 1, last_attempt_by = :stampedBy,
                        last_attempt_at = :stampedAt, note = coalesce(:note, note), %s
                    where id = :checkId and worked is null and version = :version
                    """.formatted(RowStamp.UPDATED))).param("note", note).param("checkId", checkId)
                    .param("version", answer.version()).update();
            stale(changed);
            batches.audit(actor, "CALLBACK_ATTEMPTED", batch, batches.projectOf(actor, batch), null,
                    auditValues(check, "reached", false, "note", String.valueOf(note)), null);
            return store.check(checkId).orElseThrow();
        }
        String worked = answer.worked();
        String how = trim(answer.differsHow());
        if (!CallbackCheck.SAME.equals(worked) && !CallbackCheck.DIFFERS.equals(worked)) {
            throw new BusinessRuleException("payout.callback.incomplete");
        }
        if (CallbackCheck.DIFFERS.equals(worked) && (how == null || how.length() > 1000)) {
            throw new BusinessRuleException("payout.callback.differsHow");
        }
        BigDecimal expected = answer.expectedAmount();
        if (expected != null && (expected.signum() < 0 || expected.scale() > 2 || expected.precision() - expected.scale() > 12)) {
            throw new BusinessRuleException("payout.callback.amount");
        }
        // the line as the worker was asked about it: a correction is later held against these figures
        int changed = stamp.on(jdbc.sql("""
                update callback_check c set reached = true, worked = :worked, differs_how = :differsHow,
                    expected_amount = :expectedAmount, note = :note, checked_by = :stampedBy, checked_at = :stampedAt,
                    attempts = attempts + 1, last_attempt_by = :stampedBy, last_attempt_at = :stampedAt,
                    line_days_checked = l.days, line_payable_checked = l.amount_payable, line_version_checked = l.version, %s
                from payout_line l
                where l.id = c.line_id and c.id = :checkId and c.worked is null and c.version = :version
                """.formatted(RowStamp.updated("c")))).param("worked", worked)
                .param("differsHow", CallbackCheck.DIFFERS.equals(worked) ? how : null).param("expectedAmount", expected)
                .param("note", note).param("checkId", checkId).param("version", answer.version()).update();
        stale(changed);
        batches.audit(actor, "CALLBACK_CHECKED", batch, batches.projectOf(actor, batch), null,
                auditValues(check, "worked", worked, "differsHow", String.valueOf(how), "expected", String.valueOf(expected),
                        "note", String.valueOf(note)), null);
        return store.check(checkId).orElseThrow();
    }

    /**
     * An administrator resolves an answer that differs, in one of two ways: {@link CallbackCheck#CORRECTED}
     * when the line was corrected by the existing paths (a deduction on the line, or the days corrected in the
     * daily review and the batch recomputed), accepted only when the line really changed after the answer
     * was recorded; or {@link CallbackCheck#DECIDED}, a written decision leaving the line as it is.
     * {@code text} is the decision (required for DECIDED) or a note on the correction (optional). A line
     * corrected and then changed again waits for a resolution again ({@link CallbackCheck#correctionOutdated()}).
     */
    @Transactional
    public CallbackCheck resolve(SignedInUser actor, long checkId, String kind, String text, long version) {
        actor.require(Role.ADMIN);
        CallbackCheck check = store.check(checkId).orElseThrow(() -> new NotFoundException(CHECK, checkId));
        PayoutBatch batch = batches.lockedBatch(actor, check.batchId());
        if (batch.status() != BatchStatus.PUBLICIZED) {
            throw new BusinessRuleException("payout.callback.notPublicized");
        }
        if (!check.awaitingDecision()) {
            throw new BusinessRuleException("payout.callback.nothingToResolve");
        }
        String written = trim(text);
        if (written != null && written.length() > 1000) {
            throw new BusinessRuleException("payout.callback.resolution.tooLong", 1000);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("worked", CallbackCheck.DIFFERS);
        if (check.resolutionKind() != null) {
            // a correction changed or undone since it was accepted: resolved again
            before.put("resolutionKind", check.resolutionKind());
        }
        Map<String, Object> after = auditValues(check, "resolutionKind", kind);
        PayoutLine line = batches.line(check.lineId()).orElseThrow();
        if (CallbackCheck.CORRECTED.equals(kind)) {
            if (!correctedSinceChecked(check, line, batch)) {
                throw new BusinessRuleException("payout.callback.notCorrected", check.daysChecked().toPlainString(),
                        check.payableChecked().toPlainString());
            }
            before.put("days", check.daysChecked());
            before.put("payable", check.payableChecked());
            after.put("days", line.days());
            after.put("payable", line.amountPayable());
        }
        else if (CallbackCheck.DECIDED.equals(kind)) {
            if (written == null) {
                throw new BusinessRuleException("payout.callback.resolution.required");
            }
        }
        else {
            throw new BusinessRuleException("payout.callback.resolution.kind");
        }
        if (written != null) {
            after.put("resolution", written);
        }
        boolean corrected = CallbackCheck.CORRECTED.equals(kind);
        int changed = RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                update callback_check set resolution_kind = :kind, resolution = :resolution, resolved_by = :stampedBy,
                    resolved_at = :stampedAt, line_days_resolved = :daysResolved, line_payable_resolved = :payableResolved, %s
                where id = :checkId and worked = :differs and (resolution_kind is null or resolution_kind = :corrected)
                  and version = :version
                """.formatted(RowStamp.UPDATED))).param("kind", kind).param("resolution", written)
                .param("daysResolved", corrected ? line.days() : null)
                .param("payableResolved", corrected ? line.amountPayable() : null).param("checkId", checkId)
                .param("differs", CallbackCheck.DIFFERS).param("corrected", CallbackCheck.CORRECTED).param("version", version)
                .update();
        stale(changed);
        batches.audit(actor, "CALLBACK_RESOLVED", batch, batches.projectOf(actor, batch), before, after, null);
        return store.check(checkId).orElseThrow();
    }

    /**
     * The line changed after the differing answer was recorded: its days or amount are no longer what the
     * worker was asked about, or it was changed since (its version moved on) and that change voided its
     * confirmations (rule 8), even if a later change brought the figures back.
     */
    private boolean correctedSinceChecked(CallbackCheck check, PayoutLine line, PayoutBatch batch) {
        if (check.daysChecked() == null || check.payableChecked() == null || check.lineVersionChecked() == null) {
            return false;
        }
        if (line.days().compareTo(check.daysChecked()) != 0 || line.amountPayable().compareTo(check.payableChecked()) != 0) {
            return true;
        }
        if (line.version() <= check.lineVersionChecked()) {
            return false;
        }
        // the confirmations are deleted when voided; the audit log is where the voiding is kept
        return jdbc.sql("""
                select exists (select 1 from audit_log v
                               where v.action = :voided and v.entity_type = :lineEntity and v.entity_id = :lineId
                                 and v.id > coalesce((select max(a.id) from audit_log a
                                                      where a.action = :checked and a.entity_type = :batchEntity
                                                        and a.entity_id = :batchId and a.after_state ->> 'check' = :checkId), 0))
                """).param("voided", "CONFIRMATIONS_VOIDED").param("lineEntity", PayoutBatches.LINE)
                .param("lineId", String.valueOf(line.id())).param("checked", "CALLBACK_CHECKED")
                .param("batchEntity", PayoutBatches.ENTITY).param("batchId", String.valueOf(batch.id()))
                .param("checkId", String.valueOf(check.id())).query(Boolean.class).single();
    }

    private static Map<String, Object> auditValues(CallbackCheck check, Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("check", check.id());
        values.put("line", check.lineId());
        values.put("worker", check.workerCode());
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }

    private static void stale(int changed) {
        if (changed == 0) {
            throw new BusinessRuleException("payout.stale");
        }
    }

    private static String trim(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.trim();
    }
}
