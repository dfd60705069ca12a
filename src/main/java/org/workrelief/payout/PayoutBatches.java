package org.workrelief.payout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;

/**
 * The payout batches and their lines as stored: read for a viewer who may see them, locked for a change,
 * audited. The batch's life ({@link PayoutService}) and its sibling services (confirmations, sheets,
 * objections, call-backs, bank) all go through here.
 */
@Component
public class PayoutBatches {

    static final String ENTITY = "PayoutBatch";
    static final String LINE = "PayoutLine";

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final AuditLog auditLog;

    PayoutBatches(JdbcClient jdbc, ProjectService projects, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.auditLog = auditLog;
    }


    @Transactional(readOnly = true)
    public PayoutBatch batch(SignedInUser viewer, long batchId) {
        PayoutBatch batch = find(batchId);
        projects.get(viewer, batch.projectId());
        return batch;
    }

    @Transactional(readOnly = true)
    public List<PayoutBatch> batchesOf(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return jdbc.sql("select * from payout_batch where project_id = :projectId order by period_from desc, id desc")
                .param("projectId", projectId).query(PayoutBatch.class).list();
    }

    @Transactional(readOnly = true)
    public List<PayoutLine> lines(SignedInUser viewer, long batchId) {
        batch(viewer, batchId);
        return linesOf(batchId);
    }

    /** The lines of a batch the caller has already checked the viewer may see (the batch page). */
    @Transactional(readOnly = true)
    public List<PayoutLine> lines(PayoutBatch visible) {
        return linesOf(visible.id());
    }

    List<PayoutLine> linesOf(long batchId) {
        return jdbc.sql(LINE_SELECT + " where l.batch_id = :batchId order by l.team_id, w.worker_code")
                .param("batchId", batchId).query(PayoutBatches::toLine).list();
    }

    /** One line, for a viewer who may see its batch; "not found" otherwise. */
    @Transactional(readOnly = true)
    public PayoutLine line(SignedInUser viewer, long lineId) {
        PayoutLine line = line(lineId).orElseThrow(() -> new NotFoundException(LINE, lineId));
        batch(viewer, line.batchId());
        return line;
    }

    /** A worker's payout line with its batch's period, as a complaint names it. */
    public record WorkerLine(long lineId, long batchId, long projectId, java.time.LocalDate periodFrom,
            java.time.LocalDate periodTo, java.math.BigDecimal amountPayable, LineStatus status) {
    }

    /** The payout lines of one worker, newest batch first (the caller has checked the worker may be seen). */
    @Transactional(readOnly = true)
    public List<WorkerLine> linesOfWorker(long workerId) {
        return jdbc.sql("""
                select l.id, l.batch_id, b.project_id, b.period_from, b.period_to, l.amount_payable, l.status
                from payout_line l join payout_batch b on b.id = l.batch_id
                where l.worker_id = :workerId
                order by b.period_from desc, l.id desc
                """).param("workerId", workerId).query((rs, i) -> new WorkerLine(rs.getLong("id"), rs.getLong("batch_id"),
                rs.getLong("project_id"), rs.getObject("period_from", java.time.LocalDate.class),
                rs.getObject("period_to", java.time.LocalDate.class), rs.getBigDecimal("amount_payable"),
                LineStatus.valueOf(rs.getString("status")))).list();
    }

    /** The batch, locked, for a change the caller makes beside it (a complaint recorded during its notice). */
    public PayoutBatch lockedForChange(SignedInUser actor, long batchId) {
        return lockedBatch(actor, batchId);
    }

    Optional<PayoutLine> line(long lineId) {
        return jdbc.sql(LINE_SELECT + " where l.id = :lineId").param("lineId", lineId).query(PayoutBatches::toLine).optional();
    }

    Project projectOf(SignedInUser viewer, PayoutBatch batch) {
        return projects.get(viewer, batch.projectId());
    }

    /** The batch, read after taking its row lock: state moves of one batch happen one after the other. */
    PayoutBatch lockedBatch(SignedInUser actor, long batchId) {
        jdbc.sql("select id from payout_batch where id = :batchId for update").param("batchId", batchId).query(Long.class)
                .list();
        return batch(actor, batchId);
    }

    /** The batch, locked (so approval waits for the change, or the change sees the approval), while lines may change. */
    PayoutBatch editableBatch(SignedInUser actor, long batchId) {
        PayoutBatch batch = lockedBatch(actor, batchId);
        if (!batch.editable()) {
            throw new BusinessRuleException("payout.state.locked");
        }
        return batch;
    }

    PayoutBatch find(long batchId) {
        return jdbc.sql("select * from payout_batch where id = :batchId").param("batchId", batchId).query(PayoutBatch.class)
                .optional().orElseThrow(() -> new NotFoundException(ENTITY, batchId));
    }

    void audit(SignedInUser actor, String action, PayoutBatch batch, Project project, Object before, Object after,
            String detail) {
        auditLog.recordAs(actor.getUsername(), AuditEvent.of(action, ENTITY, batch.id())
                .inProject(project.getId(), project.getTownId()).change(before, after)
                .detail(detail == null ? batch.periodFrom() + "~" + batch.periodTo() : detail));
    }

    void auditLine(SignedInUser actor, String action, PayoutLine line, PayoutBatch batch, Object before, Object after) {
        Project project = projects.get(actor, batch.projectId());
        auditLog.recordAs(actor.getUsername(), AuditEvent.of(action, LINE, line.id())
                .inProject(project.getId(), project.getTownId()).change(before, after)
                .detail("batch " + batch.id() + ", worker " + line.workerCode()));
    }

    /**
     * A line as {@link #toLine} reads it. The confirmation methods are {@link ConfirmationService.Method} names (a
     * constant fragment, like {@link ReleaseGate#COUNTS}); {@code SHEET_AWAITING} is an evidence code of
     * {@link PayoutLine#evidenceCodes()}, not a stored value.
     */
    static final String LINE_SELECT = """
            select l.*, w.worker_code, w.name as worker_name, w.id_number_masked,
                   (select count(*) from cross_confirmation c where c.line_id = l.id and %s) as confirmations,
                   (select string_agg(case when c.method = '%s' and s.attested_at is null then 'SHEET_AWAITING'
                                           else c.method end, ',' order by c.slot)
                    from cross_confirmation c left join confirmation_sheet s on s.id = c.sheet_id
                    where c.line_id = l.id) as evidence
            from payout_line l join worker_name w on w.id = l.worker_id
            """.formatted(ReleaseGate.COUNTS, ConfirmationService.Method.SHEET.name());

    /**
     * A line by column name, written out: the masked ID is {@code id_number_masked} beside {@code idMasked}, and a
     * batch's lines are read many at a time (no reflective mapping per row).
     */
    static PayoutLine toLine(ResultSet rs, int row) throws SQLException {
        return new PayoutLine(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("worker_id"), rs.getString("worker_code"),
                rs.getString("worker_name"), rs.getString("id_number_masked"), rs.getLong("team_id"),
                rs.getString("team_name"), rs.getInt("full_days"), rs.getInt("half_days"), rs.getBigDecimal("days"),
                rs.getBigDecimal("day_rate"), rs.getBigDecimal("amount_due"), rs.getBigDecimal("deduction"),
                rs.getString("deduction_reason"), rs.getBigDecimal("amount_payable"),
                LineStatus.valueOf(rs.getString("status")), rs.getString("bank_name"), rs.getString("bank_card_masked"),
                rs.getString("bank_reason"), rs.getDate("paid_on") == null ? null : rs.getDate("paid_on").toLocalDate(),
                rs.getObject("reissued_in", Long.class), rs.getInt("confirmations"), rs.getString("evidence"),
                rs.getLong("version"));
    }
}
