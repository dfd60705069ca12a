package org.workrelief.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.db.RowStamp;
import org.workrelief.project.ProjectService;

/** A project's sign-in windows; a project without its own uses the defaults. */
@Service
public class AttendanceSettings {

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ProjectService projects;

    AttendanceSettings(JdbcClient jdbc, AuditLog auditLog, Clock clock, ProjectService projects) {
        this.projects = projects;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SlotWindows windowsOf(long projectId) {
        return jdbc.sql("""
                select am_start, am_end, pm_start, pm_end, min_gap_minutes from attendance_settings
                where project_id = :projectId
                """).param("projectId", projectId).query((rs, i) -> windowsAt(rs)).optional().orElse(SlotWindows.DEFAULT);
    }

    /**
     * The windows in the row's columns am_start, am_end, pm_start, pm_end and min_gap_minutes: the defaults when
     * they are null, as an outer join gives for a project without its own.
     */
    static SlotWindows windowsAt(ResultSet rs) throws SQLException {
        Time amStart = rs.getTime("am_start");
        if (amStart == null) {
            return SlotWindows.DEFAULT;
        }
        return new SlotWindows(amStart.toLocalTime(), rs.getTime("am_end").toLocalTime(),
                rs.getTime("pm_start").toLocalTime(), rs.getTime("pm_end").toLocalTime(),
                Duration.ofMinutes(rs.getInt("min_gap_minutes")));
    }

    @Transactional
    public void change(long projectId, SlotWindows windows, String by) {
        if (!windows.amStart().isBefore(windows.amEnd()) || windows.pmStart().isBefore(windows.amEnd())
                || !windows.pmStart().isBefore(windows.pmEnd()) || windows.minGap().isNegative()) {
            throw new BusinessRuleException("attendance.windows.invalid");
        }
        SlotWindows before = windowsOf(projectId);
        RowStamp.now(clock, by).on(jdbc.sql("""
                insert into attendance_settings (project_id, am_start, am_end, pm_start, pm_end, min_gap_minutes, %s)
                values (:projectId, :amStart, :amEnd, :pmStart, :pmEnd, :minGap, %s)
                on conflict (project_id) do update set am_start = excluded.am_start, am_end = excluded.am_end,
                    pm_start = excluded.pm_start, pm_end = excluded.pm_end, min_gap_minutes = excluded.min_gap_minutes, %s
                """.formatted(RowStamp.COLUMNS, RowStamp.VALUES, RowStamp.updated("attendance_settings"))))
                .param("projectId", projectId).param("amStart", Time.valueOf(windows.amStart()))
                .param("amEnd", Time.valueOf(windows.amEnd())).param("pmStart", Time.valueOf(windows.pmStart()))
                .param("pmEnd", Time.valueOf(windows.pmEnd())).param("minGap", (int) windows.minGap().toMinutes())
                .update();
        auditLog.recordAs(by, AuditEvent.of("ATTENDANCE_WINDOWS_CHANGED", "Project", projectId)
                .inProject(projectId, projects.siteFacts(projectId).map(ProjectService.SiteFacts::townId).orElse(null))
                .change(Map.of("windows", before.toString()), Map.of("windows", windows.toString())));
    }
}
