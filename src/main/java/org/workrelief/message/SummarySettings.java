package org.workrelief.message;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;

/**
 * Which projects text their workers the day's sign-in times in the evening (每日考勤短信): off unless the
 * town's administrator turns it on for the project.
 */
@Service
public class SummarySettings {

    /** A project of the viewer's town (or the county) and whether its workers get the evening text. */
    public record ProjectSetting(long projectId, String code, String name, boolean on) {
    }

    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    SummarySettings(JdbcTemplate jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The projects under construction the viewer may see, newest first. */
    @Transactional(readOnly = true)
    public List<ProjectSetting> projects(SignedInUser viewer) {
        return jdbc.query("""
                select p.id, p.code, p.name, coalesce(s.attendance_summary, false)
                from project_name p left join project_message_setting s on s.project_id = p.id
                where p.status = 'UNDER_CONSTRUCTION' and (? or p.town_id = ?) order by p.id desc
                """, (rs, i) -> new ProjectSetting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                viewer.isCountyLevel(), viewer.isCountyLevel() ? 0L : viewer.townId());
    }

    /** Turns the evening text on or off for a project of the administrator's town; audited. */
    @Transactional
    public void switchSummary(SignedInUser admin, long projectId, boolean on) {
        admin.require(Role.ADMIN);
        Map<String, Object> project = jdbc.queryForList("select id, town_id from project_name where id = ?", projectId).stream()
                .findFirst().filter(p -> admin.maySee(((Number) p.get("town_id")).longValue()))
                .orElseThrow(() -> new NotFoundException("Project", projectId));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into project_message_setting (project_id, attendance_summary, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (project_id) do update set attendance_summary = excluded.attendance_summary,
                    version = project_message_setting.version + 1, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                """, projectId, on, now, admin.getUsername(), now, admin.getUsername());
        auditLog.recordAs(admin.getUsername(), AuditEvent.of("ATTENDANCE_SUMMARY_SWITCHED", "Project", projectId)
                .inProject(projectId, ((Number) project.get("town_id")).longValue()).change(null, Map.of("on", on)));
    }
}
