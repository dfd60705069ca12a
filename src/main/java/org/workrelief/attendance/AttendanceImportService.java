package org.workrelief.attendance;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.sheet.RowError;
import org.workrelief.common.sheet.SheetImport;
import org.workrelief.common.sheet.SheetImport.Column;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;

/**
 * 考勤导入: a terminal's export (worker code or ID number, time, device), all rows or none. Each
 * row goes through the same rules as a live sign-in; if any row is refused, the whole file is
 * rolled back and every refusal is listed with its row.
 */
@Service
public class AttendanceImportService {

    public record ImportResult(int stored, int alreadyThere, List<RowError> errors) {

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    private static final Column CODE = Column.of("工号");
    private static final Column ID_NUMBER = Column.of("身份证号");
    private static final Column TIME = Column.of("时间");
    private static final Column DEVICE = Column.of("设备");

    private static final List<DateTimeFormatter> LOCAL_FORMATS = List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"), DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm"), DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private final PunchService punches;
    private final ProjectService projects;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;

    AttendanceImportService(PunchService punches, ProjectService projects, AuditLog auditLog,
            PlatformTransactionManager transactionManager) {
        this.punches = punches;
        this.projects = projects;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public ImportResult importFile(SignedInUser actor, long projectId, String filename, InputStream in) throws IOException {
        if (!actor.hasRole(Role.ADMIN) && !actor.hasRole(Role.STAFF)) {
            throw new org.springframework.security.access.AccessDeniedException("administrators and project staff only");
        }
        Project project = projects.get(actor, projectId);
        SheetImport sheet = SheetImport.read(filename, in).require(CODE, ID_NUMBER).require(TIME);
        if (!sheet.missing().isEmpty()) {
            return new ImportResult(0, 0, sheet.missing());
        }
        return transaction.execute(status -> {
            // a row is checked by punching it, with the live sign-in's rules; a refused file is rolled back
            SheetImport.Checked<Boolean> punched = sheet.check(row -> {
                Optional<OffsetDateTime> at = parseTime(row.cell(TIME));
                if (at.isEmpty()) {
                    row.reject(TIME, "attendance.import.time", row.cell(TIME));
                    return null;
                }
                String workerCode = row.cell(CODE);
                String id = row.cell(ID_NUMBER);
                PunchRequest request = new PunchRequest(projectId, workerCode.isEmpty() ? null : workerCode, null,
                        workerCode.isEmpty() ? id : null, at.get().toInstant(), PunchSource.IMPORT, row.optional(DEVICE),
                        actor.getUsername(), null, null);
                try {
                    return punches.punch(request).created();
                }
                catch (PunchRefusedException refused) {
                    row.reject(workerCode.isEmpty() ? ID_NUMBER : CODE, refused.getMessageKey());
                    return null;
                }
            });
            return punched.finish(created -> {
                int stored = (int) created.stream().filter(Boolean::booleanValue).count();
                int already = created.size() - stored;
                auditLog.recordAs(actor.getUsername(), AuditEvent.of("ATTENDANCE_IMPORTED", "Project", projectId)
                        .inProject(project.getId(), project.getTownId()).detail(stored + " stored, " + already + " already there, from " + filename));
                return new ImportResult(stored, already, List.of());
            }, errors -> {
                status.setRollbackOnly();
                return new ImportResult(0, 0, errors);
            });
        });
    }

    /** A time with offset, or a local time in the project's zone (Asia/Shanghai) as terminals usually write it. */
    private Optional<OffsetDateTime> parseTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text));
        }
        catch (DateTimeParseException notOffset) {
            for (DateTimeFormatter format : LOCAL_FORMATS) {
                try {
                    LocalDateTime local = LocalDateTime.parse(text, format);
                    return Optional.of(local.atZone(punches.zone()).toOffsetDateTime());
                }
                catch (DateTimeParseException next) {
                    // try the next format
                }
            }
            return Optional.empty();
        }
    }

}
