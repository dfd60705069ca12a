package org.workrelief.payout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.db.RowStamp;
import org.workrelief.project.Project;

/**
 * The signed paper sheets behind confirmations recorded from paper: uploaded per team of a batch,
 * opened and attested (核对签字表) by a committee member who had no hand in them. The attestation is the
 * committee's word that the names recorded are the signatures on the scan.
 */
@Service
public class ConfirmationSheets {

    static final String ENTITY = "ConfirmationSheet";

    private final JdbcClient jdbc;
    private final PayoutBatches batches;
    private final AuditLog auditLog;
    private final Clock clock;
    private final long maxBytes;

    ConfirmationSheets(JdbcClient jdbc, PayoutBatches batches, AuditLog auditLog, Clock clock,
            @Value("${workrelief.payout.sheet.max-size:10MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.auditLog = auditLog;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** Who may upload sheets and record confirmations from them: the clerks and the committee. */
    static void requireRecorder(SignedInUser actor) {
        actor.require(Role.ADMIN, Role.STAFF, Role.SUPERVISOR);
    }

    /** A team's signed sheet, uploaded while the batch's lines may still change. */
    @Transactional
    public ConfirmationSheet upload(SignedInUser actor, long batchId, long teamId, String fileName, byte[] content) {
        requireRecorder(actor);
        PayoutBatch batch = batches.editableBatch(actor, batchId);
        if (batches.linesOf(batchId).stream().noneMatch(l -> l.teamId() == teamId)) {
            throw new NotFoundException("WorkTeam", teamId);
        }
        SheetFile file = SheetFile.of(fileName, content, maxBytes);
        long id = RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                insert into confirmation_sheet (batch_id, team_id, file_name, content_type, size_bytes, sha256, content,
                                                %s)
                values (:batchId, :teamId, :fileName, :contentType, :sizeBytes, :sha256, :content, %s) returning id
                """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).param("batchId", batchId).param("teamId", teamId)
                .param("fileName", file.fileName()).param("contentType", file.contentType())
                .param("sizeBytes", file.content().length).param("sha256", file.sha256()).param("content", file.content())
                .query(Long.class).single();
        ConfirmationSheet sheet = find(id);
        audit(actor, "SHEET_UPLOADED", sheet, batch, null, Map.of("team", sheet.teamName(), "file", file.fileName(),
                "size", file.content().length, "sha256", file.sha256()));
        return sheet;
    }

    @Transactional(readOnly = true)
    public List<ConfirmationSheet> sheetsOf(SignedInUser viewer, long batchId) {
        return sheetsOf(batches.batch(viewer, batchId));
    }

    /** The sheets of a batch the caller has already checked the viewer may see (the batch page: one statement). */
    @Transactional(readOnly = true)
    public List<ConfirmationSheet> sheetsOf(PayoutBatch visible) {
        return jdbc.sql(SELECT + " where s.batch_id = :batchId order by s.team_id, s.id").param("batchId", visible.id())
                .query(ConfirmationSheets::toSheet).list();
    }

    @Transactional(readOnly = true)
    public ConfirmationSheet sheet(SignedInUser viewer, long sheetId) {
        ConfirmationSheet sheet = find(sheetId);
        batches.batch(viewer, sheet.batchId());
        return sheet;
    }

    /**
     * The scan itself. A committee member's opening is recorded: it is what lets them attest. Any
     * user who may see the batch may open it (it holds names and signatures, no ID or bank number).
     */
    @Transactional
    public SheetFile open(SignedInUser viewer, long sheetId) {
        ConfirmationSheet sheet = sheet(viewer, sheetId);
        if (viewer.hasRole(Role.SUPERVISOR)) {
            jdbc.sql("""
                    insert into confirmation_sheet_opened (sheet_id, username, opened_at) values (:sheetId, :username, :openedAt)
                    on conflict (sheet_id, username) do nothing
                    """).param("sheetId", sheetId).param("username", viewer.getUsername())
                    .param("openedAt", Timestamp.from(clock.instant())).update();
        }
        byte[] content = jdbc.sql("select content from confirmation_sheet where id = :sheetId").param("sheetId", sheetId)
                .query(byte[].class).single();
        return new SheetFile(sheet.fileName(), sheet.contentType(), content, sheet.sha256());
    }

    /**
     * 核对签字表: a committee member who has opened the scan says it matches what was recorded from it.
     * Not the uploader, not anyone who recorded a confirmation from it; the sheet must carry at least one.
     */
    @Transactional
    public ConfirmationSheet attest(SignedInUser actor, long sheetId, long version) {
        actor.require(Role.SUPERVISOR);
        ConfirmationSheet sheet = sheet(actor, sheetId);
        PayoutBatch batch = batches.editableBatch(actor, sheet.batchId());
        String me = actor.getUsername();
        if (sheet.attested()) {
            throw new BusinessRuleException("payout.sheet.attest.already");
        }
        if (sheet.uploadedBy().equalsIgnoreCase(me)) {
            throw new BusinessRuleException("payout.sheet.attest.uploader");
        }
        if (jdbc.sql(
                "select exists (select 1 from cross_confirmation where sheet_id = :sheetId and lower(created_by) = lower(:me))")
                .param("sheetId", sheetId).param("me", me).query(Boolean.class).single()) {
            throw new BusinessRuleException("payout.sheet.attest.recorder");
        }
        if (sheet.confirmations() == 0) {
            throw new BusinessRuleException("payout.sheet.attest.empty");
        }
        if (!jdbc.sql("select exists (select 1 from confirmation_sheet_opened where sheet_id = :sheetId and username = :me)")
                .param("sheetId", sheetId).param("me", me).query(Boolean.class).single()) {
            throw new BusinessRuleException("payout.sheet.attest.notOpened");
        }
        int changed = RowStamp.now(clock, me).on(jdbc.sql("""
                update confirmation_sheet set attested_by = :stampedBy, attested_at = :stampedAt, %s
                    where id = :sheetId and version = :version and attested_at is null
                """.formatted(RowStamp.UPDATED))).param("sheetId", sheetId).param("version", version).update();
        if (changed == 0) {
            throw new BusinessRuleException("payout.stale");
        }
        ConfirmationSheet after = find(sheetId);
        audit(actor, "SHEET_ATTESTED", after, batch, Map.of("attested", false), Map.of("attested", true,
                "confirmations", after.confirmations(), "sha256", after.sha256()));
        return after;
    }

    /** The sheet, for recording confirmations from it: its batch locked and editable, the sheet not yet attested. */
    ConfirmationSheet forRecording(SignedInUser actor, long sheetId) {
        ConfirmationSheet sheet = sheet(actor, sheetId);
        batches.editableBatch(actor, sheet.batchId());
        // read again under the batch's lock: an attestation that got in first is seen
        ConfirmationSheet current = find(sheetId);
        if (current.attested()) {
            throw new BusinessRuleException("payout.sheet.closed");
        }
        return current;
    }

    /** The sheets of a team in a batch, the latest first: those confirmations may still be recorded against. */
    static List<ConfirmationSheet> openFor(List<ConfirmationSheet> sheets, long teamId) {
        return sheets.stream().filter(s -> s.teamId() == teamId && !s.attested())
                .sorted(java.util.Comparator.comparingLong(ConfirmationSheet::id).reversed()).toList();
    }

    private ConfirmationSheet find(long sheetId) {
        return jdbc.sql(SELECT + " where s.id = :sheetId").param("sheetId", sheetId).query(ConfirmationSheets::toSheet)
                .optional().orElseThrow(() -> new NotFoundException(ENTITY, sheetId));
    }

    private void audit(SignedInUser actor, String action, ConfirmationSheet sheet, PayoutBatch batch, Object before,
            Object after) {
        Project project = batches.projectOf(actor, batch);
        auditLog.recordAs(actor.getUsername(), AuditEvent.of(action, ENTITY, sheet.id())
                .inProject(project.getId(), project.getTownId()).change(before, after)
                .detail(batch.periodFrom() + "~" + batch.periodTo() + " · " + sheet.teamName()));
    }

    private static final String SELECT = """
            select s.id, s.batch_id, s.team_id, t.name as team_name, s.file_name, s.content_type, s.size_bytes, s.sha256,
                   s.created_by, s.created_at, s.attested_by, s.attested_at, s.version,
                   (select count(*) from cross_confirmation c where c.sheet_id = s.id) as confirmations
            from confirmation_sheet s join team_day_rate t on t.id = s.team_id
            """;

    private static ConfirmationSheet toSheet(ResultSet rs, int row) throws SQLException {
        Timestamp attested = rs.getTimestamp("attested_at");
        return new ConfirmationSheet(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("team_id"),
                rs.getString("team_name"), rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
                rs.getString("sha256"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("attested_by"), attested == null ? null : attested.toInstant(), rs.getInt("confirmations"),
                rs.getLong("version"));
    }
}
