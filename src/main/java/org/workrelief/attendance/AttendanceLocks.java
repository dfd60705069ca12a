package org.workrelief.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.db.AdvisoryLocks;
import org.workrelief.project.ProjectService;

/**
 * Days whose attendance is locked because the supervision committee approved them (rule 6): no
 * sign-in is accepted for a locked day. The daily review locks a day on approval; an administrator's
 * correction unlocks it for a new review. Both are audited.
 */
@Service
public class AttendanceLocks {

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ProjectService projects;

    AttendanceLocks(JdbcClient jdbc, AuditLog auditLog, Clock clock, ProjectService projects) {
        this.projects = projects;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Waits for sign-ins of the day in flight to finish and keeps new ones out until this transaction
     * ends: they hold the same key shared (PunchService), so none slips into a day being approved.
     */
    private void holdDay(long projectId, LocalDate day) {
        AdvisoryLocks.lock(jdbc, AdvisoryLocks.projectDay(projectId, day));
    }

    private Long townOf(long projectId) {
        return projects.siteFacts(projectId).map(ProjectService.SiteFacts::townId).orElse(null);
    }

    @Transactional(readOnly = true)
    public boolean isLocked(long projectId, LocalDate day) {
        return jdbc.sql("select exists (select 1 from attendance_lock where project_id = :projectId and work_date = :day)")
                .param("projectId", projectId).param("day", day).query(Boolean.class).single();
    }

    @Transactional
    public void lock(long projectId, LocalDate day, String by) {
        holdDay(projectId, day);
        // the day's head-count, counted once now that its sign-ins can no longer change (the dashboards read it)
        int added = jdbc.sql("""
                insert into attendance_lock (project_id, work_date, locked_at, locked_by, present)
                values (:projectId, :day, :now, :by,
                        (select count(distinct worker_id) from punch where project_id = :projectId and work_date = :day))
                on conflict do nothing
                """).param("projectId", projectId).param("day", day).param("now", Timestamp.from(clock.instant()))
                .param("by", by).update();
        markWorkedDay(projectId, day, true);
        if (added == 1) {
            auditLog.recordAs(by, AuditEvent.of("ATTENDANCE_DAY_LOCKED", "AttendanceDay", projectId + "/" + day)
                    .inProject(projectId, townOf(projectId)).change(Map.of("locked", false), Map.of("locked", true)));
        }
    }

    @Transactional
    public void unlock(long projectId, LocalDate day, String by, String reason) {
        holdDay(projectId, day);
        int removed = jdbc.sql("delete from attendance_lock where project_id = :projectId and work_date = :day")
                .param("projectId", projectId).param("day", day).update();
        markWorkedDay(projectId, day, false);
        if (removed == 1) {
            auditLog.recordAs(by, AuditEvent.of("ATTENDANCE_DAY_UNLOCKED", "AttendanceDay", projectId + "/" + day)
                    .inProject(projectId, townOf(projectId)).change(Map.of("locked", true), Map.of("locked", false)).detail(reason));
        }
    }

    /** The register of worked days carries the lock too (V12): the days awaiting review are its unlocked ones. */
    private void markWorkedDay(long projectId, LocalDate day, boolean locked) {
        jdbc.sql("""
                update attendance_day set locked = :locked where project_id = :projectId and work_date = :day
                  and locked <> :locked
                """).param("locked", locked).param("projectId", projectId).param("day", day).update();
    }
}
