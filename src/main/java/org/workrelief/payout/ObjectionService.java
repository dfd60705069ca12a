package org.workrelief.payout;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;

/**
 * 异议: objections raised by villagers while a batch is publicized, recorded by staff. An open
 * objection blocks approval; resolving it may correct the line, which is then computed again from
 * approved attendance and loses its confirmations.
 */
@Service
public class ObjectionService {

    private final JdbcTemplate jdbc;
    private final PayoutService payouts;
    private final PayoutBatches batches;
    private final Clock clock;

    ObjectionService(JdbcTemplate jdbc, PayoutService payouts, PayoutBatches batches, Clock clock) {
        this.batches = batches;
        this.jdbc = jdbc;
        this.payouts = payouts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Objection> objectionsOf(SignedInUser viewer, long batchId) {
        return objectionsOf(batches.batch(viewer, batchId));
    }

    /** The objections of a batch the caller has already checked the viewer may see (the batch page). */
    @Transactional(readOnly = true)
    public List<Objection> objectionsOf(PayoutBatch visible) {
        long batchId = visible.id();
        return jdbc.query("select * from payout_objection where batch_id = ? order by id", (rs, i) -> new Objection(
                rs.getLong("id"), rs.getLong("batch_id"), rs.getObject("line_id", Long.class), rs.getString("raised_by"),
                rs.getString("content"), "OPEN".equals(rs.getString("status")), rs.getString("resolution"),
                rs.getString("resolved_by"), rs.getTimestamp("resolved_at") == null ? null
                        : rs.getTimestamp("resolved_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getLong("version")), batchId);
    }

    /** Records an objection during the notice; {@code lineId} when it concerns one line. */
    @Transactional
    public long record(SignedInUser actor, long batchId, Long lineId, String raisedBy, String content) {
        PayoutBatches.requireRole(actor, Role.ADMIN, Role.STAFF);
        PayoutBatch batch = batches.lockedBatch(actor, batchId);
        if (batch.status() != BatchStatus.PUBLICIZED) {
            throw new BusinessRuleException("payout.objection.notPublicized");
        }
        String who = raisedBy == null ? "" : raisedBy.trim();
        String what = content == null ? "" : content.trim();
        if (who.isEmpty() || who.length() > 64 || what.isEmpty() || what.length() > 1000) {
            throw new BusinessRuleException("payout.objection.incomplete");
        }
        if (lineId != null && batches.line(lineId).filter(l -> l.batchId() == batchId).isEmpty()) {
            throw new NotFoundException(PayoutBatches.LINE, lineId);
        }
        Timestamp now = Timestamp.from(clock.instant());
        Long id = jdbc.queryForObject("""
                insert into payout_objection (batch_id, line_id, raised_by, content, status,
                                              created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?) returning id
                """, Long.class, batchId, lineId, who, what, now, actor.getUsername(), now, actor.getUsername());
        batches.audit(actor, "PAYOUT_OBJECTION_RECORDED", batch, project(actor, batch), null,
                Map.of("objection", id, "line", String.valueOf(lineId), "raisedBy", who, "content", what), null);
        return id;
    }

    /**
     * Resolves an objection with what was found; with {@code recompute} its line is computed again
     * from approved attendance (after the day was corrected and reviewed again).
     */
    @Transactional
    public void resolve(SignedInUser actor, long objectionId, String resolution, boolean recompute, long version) {
        PayoutBatches.requireRole(actor, Role.ADMIN, Role.STAFF);
        Objection objection = jdbc.query("select batch_id, line_id, status from payout_objection where id = ?",
                (rs, i) -> new Objection(objectionId, rs.getLong(1), rs.getObject(2, Long.class), null, null,
                        "OPEN".equals(rs.getString(3)), null, null, null, null, null, 0), objectionId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("PayoutObjection", objectionId));
        PayoutBatch batch = batches.editableBatch(actor, objection.batchId());
        String text = resolution == null ? "" : resolution.trim();
        if (text.isEmpty() || text.length() > 1000) {
            throw new BusinessRuleException("payout.objection.resolution.required");
        }
        int changed = jdbc.update("""
                update payout_objection set status = 'RESOLVED', resolution = ?, resolved_by = ?, resolved_at = ?,
                    version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and status = 'OPEN' and version = ?
                """, text, actor.getUsername(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()),
                actor.getUsername(), objectionId, version);
        if (changed == 0) {
            throw new BusinessRuleException("payout.stale");
        }
        if (recompute && objection.lineId() != null) {
            payouts.recompute(actor, batches.line(objection.lineId()).orElseThrow(), batch);
        }
        batches.audit(actor, "PAYOUT_OBJECTION_RESOLVED", batch, project(actor, batch), Map.of("objection", objectionId,
                "status", "OPEN"), Map.of("status", "RESOLVED", "resolution", text, "recomputed", recompute), null);
    }

    private org.workrelief.project.Project project(SignedInUser actor, PayoutBatch batch) {
        return batches.projectOf(actor, batch);
    }
}
