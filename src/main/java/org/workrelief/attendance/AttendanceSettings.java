package org.workrelief.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.project.ProjectService;

/** A project's sign-in windows; a project without its own uses the defaults. */
@Service
public class AttendanceSettings {

    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ProjectService projects;

    AttendanceSettings(JdbcTemplate jdbc, AuditLog auditLog, Clock clock, ProjectService projects) {
        this.projects = projects;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SlotWindows windowsOf(long projectId) {
        List<SlotWindows> found = jdbc.query("""
                select am_start, am_end, pm_start, pm_end, min_gap_minutes from attendance_settings where project_id = ?
                """, (rs, i) -> windowsAt(rs, 1), projectId);
        return found.isEmpty() ? SlotWindows.DEFAULT : found.get(0);
    }

    /**
     * The windows in five columns from {@code first} on (am_start, am_end, pm_start, pm_end,
     * min_gap_minutes): the defaults when they are null, as an outer join gives for a project without its own.
     */
    static SlotWindows windowsAt(ResultSet rs, int first) throws SQLException {
        if (rs.getTime(first) == null) {
            return SlotWindows.DEFAULT;
        }
        return new SlotWindows(rs.getTime(first).toLocalTime(), rs.getTime(first + 1).toLocalTime(),
                rs.getTime(first + 2).toLocalTime(), rs.getTime(first + 3).toLocalTime(),
                Duration.ofMinutes(rs.getInt(first + 4)));
    }

    @Transactional
    public void change(long projectId, SlotWindows windows, String by) {
        if (!windows.amStart().isBefore(windows.amEnd()) || windows.pmStart().isBefore(windows.amEnd())
                || !windows.pmStart().isBefore(windows.pmEnd()) || windows.minGap().isNegative()) {
            throw new BusinessRuleException("attendance.windows.invalid");
        }
        SlotWindows before = windowsOf(projectId);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into attendance_settings (project_id, am_start, am_end, pm_start, pm_end, min_gap_minutes,
                                                 created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (project_id) do update set am_start = excluded.am_start, am_end = excluded.am_end,
                    pm_start = excluded.pm_start, pm_end = excluded.pm_end, min_gap_minutes = excluded.min_gap_minutes,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                    version = attendance_settings.version + 1
                """, projectId, Time.valueOf(windows.amStart()), Time.valueOf(windows.amEnd()),
                Time.valueOf(windows.pmStart()), Time.valueOf(windows.pmEnd()), (int) windows.minGap().toMinutes(), now,
                by, now, by);
        auditLog.recordAs(by, AuditEvent.of("ATTENDANCE_WINDOWS_CHANGED", "Project", projectId)
                .inProject(projectId, projects.siteFacts(projectId).map(ProjectService.SiteFacts::townId).orElse(null))
                .change(Map.of("windows", before.toString()), Map.of("windows", windows.toString())));
    }
}
