package org.workrelief.attendance;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.sheet.RowError;
import org.workrelief.common.sheet.SheetReader;
import org.workrelief.common.sheet.SheetReader.SheetRow;
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
        List<SheetRow> rows = SheetReader.read(filename, in);
        if (rows.size() < 2) {
            throw new BusinessRuleException("import.file.noRows");
        }
        SheetRow header = rows.get(0);
        int code = header.columnOf("工号");
        int idNumber = header.columnOf("身份证号");
        int time = header.columnOf("时间");
        int device = header.columnOf("设备");
        List<RowError> headerErrors = new ArrayList<>();
        if (code < 0 && idNumber < 0) {
            headerErrors.add(new RowError(1, "工号", "import.header.missing", List.of("工号 / 身份证号")));
        }
        if (time < 0) {
            headerErrors.add(new RowError(1, "时间", "import.header.missing", List.of("时间")));
        }
        if (!headerErrors.isEmpty()) {
            return new ImportResult(0, 0, headerErrors);
        }
        return transaction.execute(status -> {
            List<RowError> errors = new ArrayList<>();
            int stored = 0;
            int already = 0;
            for (SheetRow row : rows.subList(1, rows.size())) {
                if (row.isBlank()) {
                    continue;
                }
                Optional<OffsetDateTime> at = parseTime(row.cell(time).trim());
                if (at.isEmpty()) {
                    errors.add(new RowError(row.number(), "时间", "attendance.import.time", List.of(row.cell(time))));
                    continue;
                }
                String workerCode = code >= 0 ? row.cell(code).trim() : "";
                String id = idNumber >= 0 ? row.cell(idNumber).trim() : "";
                String deviceId = device >= 0 && !row.cell(device).isBlank() ? row.cell(device).trim() : null;
                PunchRequest request = new PunchRequest(projectId, workerCode.isEmpty() ? null : workerCode, null,
                        workerCode.isEmpty() ? id : null, at.get().toInstant(), PunchSource.IMPORT, deviceId,
                        actor.getUsername(), null, null);
                try {
                    if (punches.punch(request).created()) {
                        stored++;
                    }
                    else {
                        already++;
                    }
                }
                catch (PunchRefusedException refused) {
                    errors.add(new RowError(row.number(), workerCode.isEmpty() ? "身份证号" : "工号", refused.getMessageKey(),
                            List.of()));
                }
            }
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
                return new ImportResult(0, 0, errors);
            }
            auditLog.recordAs(actor.getUsername(), AuditEvent.of("ATTENDANCE_IMPORTED", "Project", projectId)
                    .inProject(project.getId(), project.getTownId()).detail(stored + " stored, " + already + " already there, from " + filename));
            return new ImportResult(stored, already, List.of());
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
