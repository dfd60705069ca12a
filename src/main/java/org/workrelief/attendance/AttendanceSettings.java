package org.workrelief.attendance;

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
                """, (rs, i) -> new SlotWindows(rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime(),
                rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime(), Duration.ofMinutes(rs.getInt(5))), projectId);
        return found.isEmpty() ? SlotWindows.DEFAULT : found.get(0);
    }

    /** A project's windows and whether a day is locked, in one query (the sign-in's hot path). */
    record DayRules(SlotWindows windows, boolean locked) {
    }

    DayRules dayRules(long projectId, java.time.LocalDate day) {
        return jdbc.queryForObject("""
                select s.am_start, s.am_end, s.pm_start, s.pm_end, s.min_gap_minutes,
                       exists (select 1 from attendance_lock l where l.project_id = ? and l.work_date = ?)
                from (select 1) one left join attendance_settings s on s.project_id = ?
                """, (rs, i) -> new DayRules(rs.getTime(1) == null ? SlotWindows.DEFAULT
                : new SlotWindows(rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime(),
                        rs.getTime(4).toLocalTime(), Duration.ofMinutes(rs.getInt(5))), rs.getBoolean(6)),
                projectId, java.sql.Date.valueOf(day), projectId);
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
