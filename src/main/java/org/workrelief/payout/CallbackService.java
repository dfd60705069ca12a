package org.workrelief.payout;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.worker.WorkerService;

/**
 * 回访抽查: a committee member of the batch's town calls or visits each sampled worker and records the
 * answer; an administrator decides every answer that differs. The rule that holds approval back is
 * {@link CallbackSample}.
 */
@Service
public class CallbackService {

    static final String CHECK = "CallbackCheck";

    private final JdbcTemplate jdbc;
    private final PayoutService payouts;
    private final CallbackStore store;
    private final WorkerService workers;
    private final Clock clock;

    CallbackService(JdbcTemplate jdbc, PayoutService payouts, CallbackStore store, WorkerService workers, Clock clock) {
        this.jdbc = jdbc;
        this.payouts = payouts;
        this.store = store;
        this.workers = workers;
        this.clock = clock;
    }

    /** The sample of a batch the viewer may see (empty for a batch never publicized, or a follow-up batch). */
    @Transactional(readOnly = true)
    public Optional<CallbackStore.Sample> sampleOf(SignedInUser viewer, long batchId) {
        payouts.batch(viewer, batchId);
        return store.sampleOf(batchId);
    }

    /**
     * The sample (null when none was drawn) and its checks, for the batch page: {@code visible} is the batch
     * as {@link PayoutService#batch(SignedInUser, long)} gave it to this viewer (the page's statements are counted).
     */
    @Transactional(readOnly = true)
    public CallbackStore.Overview overviewOf(PayoutBatch visible) {
        return store.overview(visible.id());
    }

    @Transactional(readOnly = true)
    public List<CallbackCheck> checksOf(SignedInUser viewer, long batchId) {
        payouts.batch(viewer, batchId);
        return store.checksOf(batchId);
    }

    /** The workers' phone numbers, shown only to a committee member and only while the check is open. */
    @Transactional(readOnly = true)
    public Map<Long, String> phonesFor(SignedInUser viewer, long batchId) {
        payouts.batch(viewer, batchId);
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
        PayoutService.requireRole(actor, Role.SUPERVISOR);
        CallbackCheck check = store.check(checkId).orElseThrow(() -> new NotFoundException(CHECK, checkId));
        PayoutBatch batch = payouts.lockedBatch(actor, check.batchId());
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
        Timestamp now = Timestamp.from(clock.instant());
        String who = actor.getUsername();
        if (!answer.reached()) {
            int changed = jdbc.update("""
                    update callback_check set reached = false, attempts = attempts + 1, last_attempt_by = ?,
                        last_attempt_at = ?, note = coalesce(?, note), version = version + 1, updated_at = ?, updated_by = ?
                    where id = ? and worked is null and version = ?
                    """, who, now, note, now, who, checkId, answer.version());
            stale(changed);
            payouts.audit(actor, "CALLBACK_ATTEMPTED", batch, payouts.projectOf(actor, batch), null,
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
        int changed = jdbc.update("""
                update callback_check set reached = true, worked = ?, differs_how = ?, expected_amount = ?, note = ?,
                    checked_by = ?, checked_at = ?, attempts = attempts + 1, last_attempt_by = ?, last_attempt_at = ?,
                    version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and worked is null and version = ?
                """, worked, CallbackCheck.DIFFERS.equals(worked) ? how : null, expected, note, who, now, who, now, now, who,
                checkId, answer.version());
        stale(changed);
        payouts.audit(actor, "CALLBACK_CHECKED", batch, payouts.projectOf(actor, batch), null,
                auditValues(check, "worked", worked, "differsHow", String.valueOf(how), "expected", String.valueOf(expected),
                        "note", String.valueOf(note)), null);
        return store.check(checkId).orElseThrow();
    }

    /** An administrator's written decision on an answer that differs. */
    @Transactional
    public CallbackCheck resolve(SignedInUser actor, long checkId, String decision, long version) {
        PayoutService.requireRole(actor, Role.ADMIN);
        CallbackCheck check = store.check(checkId).orElseThrow(() -> new NotFoundException(CHECK, checkId));
        PayoutBatch batch = payouts.lockedBatch(actor, check.batchId());
        if (batch.status() != BatchStatus.PUBLICIZED) {
            throw new BusinessRuleException("payout.callback.notPublicized");
        }
        if (!check.awaitingDecision()) {
            throw new BusinessRuleException("payout.callback.nothingToResolve");
        }
        String text = trim(decision);
        if (text == null || text.length() > 1000) {
            throw new BusinessRuleException("payout.callback.resolution.required");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.update("""
                update callback_check set resolution = ?, resolved_by = ?, resolved_at = ?, version = version + 1,
                    updated_at = ?, updated_by = ?
                where id = ? and worked = 'DIFFERS' and resolution is null and version = ?
                """, text, actor.getUsername(), now, now, actor.getUsername(), checkId, version);
        stale(changed);
        payouts.audit(actor, "CALLBACK_RESOLVED", batch, payouts.projectOf(actor, batch), Map.of("worked", "DIFFERS"),
                auditValues(check, "resolution", text), null);
        return store.check(checkId).orElseThrow();
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
