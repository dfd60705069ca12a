package org.workrelief.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;

/**
 * 维权信息告示牌: where a worker of the town can complain (the town's hotline, the county's labour
 * inspection, 12345, the supervision committee's contacts), set by the town's administrator and shown on
 * its public site and the printed site board. Nothing on it is personal beyond what the town chose to post.
 */
@Service
public class ComplaintBoards {

    static final String ENTITY = "ComplaintBoard";

    /** The board of one town. */
    public record Board(String hotline, String labourInspection, String citizenHotline, String committee, String note,
            long version) {
    }

    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ComplaintService complaints;

    ComplaintBoards(JdbcTemplate jdbc, AuditLog auditLog, Clock clock, ComplaintService complaints) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
        this.complaints = complaints;
    }

    /** The town's board, for anyone (the public site); empty until its administrator sets it. */
    @Transactional(readOnly = true)
    public Optional<Board> of(long townId) {
        return jdbc.query("select * from complaint_board where town_id = ?", (rs, i) -> new Board(rs.getString("hotline"),
                rs.getString("labour_inspection"), rs.getString("citizen_hotline"), rs.getString("committee"),
                rs.getString("note"), rs.getLong("version")), townId).stream().findFirst();
    }

    /** The working days within which a complaint is answered, as the board says. */
    public int deadlineWorkingDays() {
        return complaints.deadlineWorkingDays();
    }

    /** The town's administrator sets the board of their town. */
    @Transactional
    public Board save(SignedInUser admin, Board form) {
        admin.require(Role.ADMIN);
        if (admin.townId() == null) {
            throw new AccessDeniedException("only a town's administrator sets its complaint board");
        }
        String hotline = trim(form.hotline());
        String inspection = trim(form.labourInspection());
        String citizen = trim(form.citizenHotline()).isEmpty() ? "12345" : trim(form.citizenHotline());
        String committee = trim(form.committee());
        String note = trim(form.note());
        if (hotline.isEmpty() || inspection.isEmpty() || committee.isEmpty()) {
            throw new BusinessRuleException("complaint.board.incomplete");
        }
        if (hotline.length() > 64 || inspection.length() > 64 || citizen.length() > 64 || committee.length() > 500
                || note.length() > 1000) {
            throw new BusinessRuleException("complaint.board.tooLong");
        }
        long townId = admin.townId();
        Optional<Board> before = of(townId);
        Timestamp now = Timestamp.from(clock.instant());
        int changed;
        if (before.isEmpty()) {
            changed = jdbc.update("""
                    insert into complaint_board (town_id, hotline, labour_inspection, citizen_hotline, committee, note,
                                                 created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (town_id) do nothing
                    """, townId, hotline, inspection, citizen, committee, note.isEmpty() ? null : note, now,
                    admin.getUsername(), now, admin.getUsername());
        }
        else {
            changed = jdbc.update("""
                    update complaint_board set hotline = ?, labour_inspection = ?, citizen_hotline = ?, committee = ?,
                        note = ?, version = version + 1, updated_at = ?, updated_by = ?
                    where town_id = ? and version = ?
                    """, hotline, inspection, citizen, committee, note.isEmpty() ? null : note, now, admin.getUsername(),
                    townId, form.version());
        }
        if (changed == 0) {
            throw new BusinessRuleException("complaint.board.stale");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("hotline", hotline);
        after.put("labourInspection", inspection);
        after.put("citizenHotline", citizen);
        after.put("committee", committee);
        auditLog.recordAs(admin.getUsername(), AuditEvent.of("COMPLAINT_BOARD_SAVED", ENTITY, townId).inTown(townId)
                .change(before.orElse(null), after));
        return of(townId).orElseThrow();
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }
}
