package org.workrelief.training;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.Texts;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.common.sheet.RowError;
import org.workrelief.common.sheet.SheetImport;
import org.workrelief.common.sheet.SheetImport.Column;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;

/**
 * Training sessions and their attendees: only workers enrolled on the project attend; attendees
 * are picked from the roster or imported (all rows or none); each change is audited.
 */
@Service
public class TrainingService {

    static final String ENTITY = "TrainingSession";

    private static final Column CODE = Column.of("工号");
    private static final Column ID_NUMBER = Column.of("身份证号");
    private static final Column CERTIFICATE = Column.of("证书编号");

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final DataProtector protector;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TransactionTemplate transaction;

    TrainingService(JdbcTemplate jdbc, ProjectService projects, DataProtector protector, AuditLog auditLog, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.protector = protector;
        this.auditLog = auditLog;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Transactional(readOnly = true)
    public List<TrainingSession> sessions(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return jdbc.query(SESSION_SELECT + " where s.project_id = ? order by s.held_on desc, s.id desc",
                TrainingService::toSession, projectId);
    }

    @Transactional(readOnly = true)
    public TrainingSession session(SignedInUser viewer, long sessionId) {
        TrainingSession session = jdbc.query(SESSION_SELECT + " where s.id = ?", TrainingService::toSession, sessionId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException(ENTITY, sessionId));
        projects.get(viewer, session.projectId());
        return session;
    }

    @Transactional(readOnly = true)
    public List<Attendee> attendees(SignedInUser viewer, long sessionId) {
        session(viewer, sessionId);
        return jdbc.query("""
                select a.id, a.worker_id, w.worker_code, w.name, w.id_number_masked, a.certificate_no
                from training_attendee a join worker_name w on w.id = a.worker_id where a.session_id = ? order by w.worker_code
                """, (rs, i) -> new Attendee(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6)), sessionId);
    }

    /** The people trained on a project: each counted once, whatever the number of sessions. */
    @Transactional(readOnly = true)
    public int trainedPeople(long projectId) {
        Integer count = jdbc.queryForObject("""
                select count(distinct a.worker_id) from training_attendee a
                join training_session s on s.id = a.session_id where s.project_id = ?
                """, Integer.class, projectId);
        return count == null ? 0 : count;
    }

    @Transactional
    public TrainingSession create(SignedInUser actor, long projectId, TrainingForm form) {
        Project project = keptBy(actor, projectId);
        String title = Texts.required(form.title(), 100, "training.title.required");
        String trainer = Texts.required(form.trainer(), 64, "training.trainer.required");
        if (form.kind() == null) {
            throw new BusinessRuleException("training.kind.required");
        }
        if (form.heldOn() == null) {
            throw new BusinessRuleException("training.date.required");
        }
        if (form.heldOn().isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleException("training.date.future");
        }
        BigDecimal hours = form.hours();
        if (hours == null || hours.signum() <= 0 || hours.compareTo(new BigDecimal("200")) > 0
                || hours.stripTrailingZeros().scale() > 1) {
            throw new BusinessRuleException("training.hours.invalid");
        }
        String place = form.place() == null || form.place().isBlank() ? null : Texts.required(form.place(), 100, "training.place.tooLong");
        Timestamp now = Timestamp.from(clock.instant());
        Long id = jdbc.queryForObject("""
                insert into training_session (project_id, title, kind, trainer, held_on, hours, place,
                                              created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, projectId, title, form.kind().name(), trainer, Date.valueOf(form.heldOn()), hours, place,
                now, actor.getUsername(), now, actor.getUsername());
        audit(actor, "TRAINING_CREATED", id, project, Map.of("title", title, "kind", form.kind().name(), "trainer", trainer,
                "heldOn", form.heldOn().toString(), "hours", hours));
        return session(actor, id);
    }

    /** Adds workers of the project to a session (those already there are left as they are); returns how many were added. */
    @Transactional
    public int addAttendees(SignedInUser actor, long sessionId, List<Long> workerIds) {
        TrainingSession session = session(actor, sessionId);
        Project project = keptBy(actor, session.projectId());
        if (workerIds == null || workerIds.isEmpty()) {
            throw new BusinessRuleException("training.attendees.none");
        }
        Set<Long> ofProject = workersOf(session.projectId());
        if (!ofProject.containsAll(workerIds)) {
            throw new BusinessRuleException("training.attendee.notOfProject");
        }
        int added = insertAttendees(actor, sessionId, workerIds.stream().distinct().map(id -> new Object[] { id, null }).toList());
        audit(actor, "TRAINING_ATTENDEES_ADDED", sessionId, project, Map.of("workers", workerIds, "added", added));
        return added;
    }

    @Transactional
    public void removeAttendee(SignedInUser actor, long sessionId, long attendeeId) {
        TrainingSession session = session(actor, sessionId);
        Project project = keptBy(actor, session.projectId());
        List<Long> worker = jdbc.queryForList("select worker_id from training_attendee where id = ? and session_id = ?",
                Long.class, attendeeId, sessionId);
        if (worker.isEmpty()) {
            throw new NotFoundException("TrainingAttendee", attendeeId);
        }
        jdbc.update("delete from training_attendee where id = ?", attendeeId);
        audit(actor, "TRAINING_ATTENDEE_REMOVED", sessionId, project, Map.of("worker", worker.get(0)));
    }

    /** The result of an attendee import: added, already there, or every bad row. */
    public record ImportResult(int added, int alreadyThere, List<RowError> errors) {

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    /** Attendees from a sheet (工号 or 身份证号, optional 证书编号): all rows or none. */
    public ImportResult importAttendees(SignedInUser actor, long sessionId, String filename, InputStream in)
            throws IOException {
        TrainingSession session = session(actor, sessionId);
        Project project = keptBy(actor, session.projectId());
        SheetImport sheet = SheetImport.read(filename, in).require(CODE, ID_NUMBER);
        if (!sheet.missing().isEmpty()) {
            return new ImportResult(0, 0, sheet.missing());
        }
        Set<Long> ofProject = workersOf(session.projectId());
        Set<Long> already = new HashSet<>(jdbc.queryForList("select worker_id from training_attendee where session_id = ?",
                Long.class, sessionId));
        Set<Long> seen = new HashSet<>();
        SheetImport.Checked<Object[]> checked = sheet.check(row -> {
            String workerCode = row.cell(CODE);
            String idNumber = row.cell(ID_NUMBER).toUpperCase();
            List<Long> found = !workerCode.isEmpty()
                    ? jdbc.queryForList("select id from worker_name where worker_code = ?", Long.class, workerCode)
                    : idNumber.isEmpty() ? List.of()
                            : jdbc.queryForList("select id from worker_name where id_number_hash = ?", Long.class,
                                    protector.hash(idNumber));
            Column column = workerCode.isEmpty() ? ID_NUMBER : CODE;
            if (found.isEmpty() || !ofProject.contains(found.get(0))) {
                row.reject(column, "training.attendee.notOfProject");
                return null;
            }
            if (!seen.add(found.get(0))) {
                row.reject(column, "training.import.duplicate");
                return null;
            }
            String cert = row.optional(CERTIFICATE);
            if (cert != null && cert.length() > 64) {
                row.reject(CERTIFICATE, "training.certificate.tooLong", 64);
                return null;
            }
            return new Object[] { found.get(0), cert };
        });
        return checked.finish(toAdd -> transaction.execute(status -> {
            int added = insertAttendees(actor, sessionId, toAdd);
            audit(actor, "TRAINING_ATTENDEES_IMPORTED", sessionId, project, Map.of("added", added, "file", filename));
            int alreadyThere = (int) toAdd.stream().filter(w -> already.contains((Long) w[0])).count();
            return new ImportResult(added, alreadyThere, List.of());
        }), errors -> new ImportResult(0, 0, errors));
    }

    /** Inserts attendees (worker id, certificate); a worker already there keeps the row, taking a new certificate if given. */
    private int insertAttendees(SignedInUser actor, long sessionId, List<Object[]> workersAndCertificates) {
        Set<Long> present = new HashSet<>(jdbc.queryForList("select worker_id from training_attendee where session_id = ?",
                Long.class, sessionId));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into training_attendee (session_id, worker_id, certificate_no, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (session_id, worker_id) do update
                    set certificate_no = excluded.certificate_no, version = training_attendee.version + 1,
                        updated_at = excluded.updated_at, updated_by = excluded.updated_by
                    where excluded.certificate_no is not null
                """, workersAndCertificates.stream().map(w -> new Object[] { sessionId, w[0], w[1], now, actor.getUsername(),
                now, actor.getUsername() }).toList());
        return (int) workersAndCertificates.stream().filter(w -> !present.contains((Long) w[0])).count();
    }

    private Set<Long> workersOf(long projectId) {
        return new HashSet<>(jdbc.queryForList("select distinct worker_id from enrollment_period where project_id = ?", Long.class,
                projectId));
    }

    private Project keptBy(SignedInUser actor, long projectId) {
        actor.require(Role.ADMIN, Role.STAFF);
        return projects.get(actor, projectId);
    }

    private void audit(SignedInUser actor, String action, long sessionId, Project project, Object after) {
        auditLog.recordAs(actor.getUsername(), AuditEvent.of(action, ENTITY, sessionId)
                .inProject(project.getId(), project.getTownId()).change(null, after));
    }

    private static final String SESSION_SELECT = """
            select s.*, (select count(*) from training_attendee a where a.session_id = s.id) as attendees
            from training_session s
            """;

    private static TrainingSession toSession(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new TrainingSession(rs.getLong("id"), rs.getLong("project_id"), rs.getString("title"),
                TrainingKind.valueOf(rs.getString("kind")), rs.getString("trainer"), rs.getDate("held_on").toLocalDate(),
                rs.getBigDecimal("hours"), rs.getString("place"), rs.getInt("attendees"), rs.getLong("version"));
    }
}
