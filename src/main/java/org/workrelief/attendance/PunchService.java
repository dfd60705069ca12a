package org.workrelief.attendance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.project.ProjectService;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.SignInFacts;
import org.workrelief.worker.WorkEligibility;

/**
 * Takes one sign-in, from whichever way it came in, and either stores it or refuses it with a
 * reason (nothing stored). Rules 4 and 5: only an enrolled, contracted, insured worker on a project
 * that is being built; at most one AM and one PM per day (a repeat answers "already signed in" and
 * stores nothing: the database's unique key decides, so two identical punches at the same moment
 * still store one); nothing in the future or on an approved day. A PM sign-in too soon after the
 * AM one, or away from the worksite, is kept but flagged for the daily review.
 */
@Service
public class PunchService {

    static final String ENTITY = "Punch";

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final EnrollmentService enrollments;
    private final AttendanceSettings settings;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration clockTolerance;

    PunchService(JdbcTemplate jdbc, ProjectService projects, EnrollmentService enrollments, AttendanceSettings settings,
            AuditLog auditLog, Clock clock,
            @Value("${workrelief.attendance.clock-tolerance:PT2M}") Duration clockTolerance) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.enrollments = enrollments;
        this.settings = settings;
        this.auditLog = auditLog;
        this.clock = clock;
        this.clockTolerance = clockTolerance;
    }

    @Transactional
    public PunchResult punch(PunchRequest request) {
        return punchInCurrentTransaction(request);
    }

    /** The rules and the insert, inside the caller's transaction (the file import runs many in one). */
    PunchResult punchInCurrentTransaction(PunchRequest request) {
        ProjectService.SiteFacts site = projects.siteFacts(request.projectId())
                .orElseThrow(() -> new NotFoundException("Project", request.projectId()));
        if (!site.status().acceptsAttendance()) {
            throw new PunchRefusedException(Refusal.PROJECT_NOT_ACTIVE);
        }
        // a terminal's clock may run a little fast; beyond the tolerance the time is in the future
        if (request.punchedAt().isAfter(clock.instant().plus(clockTolerance))) {
            throw new PunchRefusedException(Refusal.FUTURE_TIME);
        }
        ZonedDateTime local = request.punchedAt().atZone(clock.getZone());
        LocalDate day = local.toLocalDate();
        AttendanceSettings.DayRules rules = settings.dayRules(site.projectId(), day);
        Slot slot = rules.windows().slotAt(local.toLocalTime())
                .orElseThrow(() -> new PunchRefusedException(Refusal.OUTSIDE_SLOT_WINDOWS));
        SignInFacts worker = enrollments.signInFacts(site.projectId(), request.workerCode(), request.workerId(),
                request.idNumber()).orElseThrow(() -> new PunchRefusedException(Refusal.UNKNOWN_WORKER));
        if (!worker.enrolled()) {
            throw new PunchRefusedException(Refusal.WORKER_OF_ANOTHER_PROJECT);
        }
        WorkEligibility eligibility = worker.eligibilityOn(day);
        if (eligibility != WorkEligibility.ELIGIBLE) {
            throw new PunchRefusedException(Refusal.valueOf(eligibility.name()));
        }
        if (rules.locked()) {
            throw new PunchRefusedException(Refusal.DAY_APPROVED);
        }
        boolean outside = Worksite.isOutside(site.latitude(), site.longitude(), site.radiusMetres(), request.latitude(),
                request.longitude());
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> inserted = jdbc.queryForList("""
                insert into punch (project_id, worker_id, work_date, slot, punched_at, source, device_id, recorded_by,
                                   latitude, longitude, flag_outside, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (project_id, worker_id, work_date, slot) do nothing
                returning id
                """, Long.class, site.projectId(), worker.workerId(), Date.valueOf(day), slot.name(),
                Timestamp.from(request.punchedAt()), request.source().name(), request.deviceId(), request.recordedBy(),
                request.latitude(), request.longitude(), outside, now, request.recordedBy(), now, request.recordedBy());
        if (inserted.isEmpty()) {
            return stored(site.projectId(), worker.workerId(), worker.workerName(), day, slot, false);
        }
        boolean pmFlagged = flagPmTooSoon(site.projectId(), worker.workerId(), day, rules.windows().minGap());
        auditLog.recordAs(request.recordedBy(), AuditEvent.of("PUNCH_RECORDED", ENTITY, inserted.get(0))
                .inTown(site.townId())
                .change(null, Map.of("workerId", worker.workerId(), "day", day.toString(), "slot", slot.name(),
                        "punchedAt", request.punchedAt().toString(), "source", request.source().name()))
                .detail(request.deviceId()));
        return new PunchResult(true, worker.workerId(), worker.workerName(), day, slot, request.punchedAt(),
                slot == Slot.PM && pmFlagged, outside);
    }

    /** Flags the day's PM sign-in when it came less than the minimum gap after the AM one, whichever arrived first. */
    private boolean flagPmTooSoon(long projectId, long workerId, LocalDate day, Duration minGap) {
        return 1 == jdbc.update("""
                update punch pm set flag_too_soon = true, version = pm.version + 1
                from punch am
                where pm.project_id = ? and pm.worker_id = ? and pm.work_date = ? and pm.slot = 'PM'
                  and am.project_id = pm.project_id and am.worker_id = pm.worker_id and am.work_date = pm.work_date
                  and am.slot = 'AM' and pm.punched_at - am.punched_at < ? * interval '1 minute'
                  and not pm.flag_too_soon
                """, projectId, workerId, Date.valueOf(day), minGap.toMinutes());
    }

    private PunchResult stored(long projectId, long workerId, String name, LocalDate day, Slot slot, boolean created) {
        return jdbc.queryForObject("""
                select punched_at, flag_too_soon, flag_outside from punch
                where project_id = ? and worker_id = ? and work_date = ? and slot = ?
                """, (rs, i) -> new PunchResult(created, workerId, name, day, slot, rs.getTimestamp(1).toInstant(),
                rs.getBoolean(2), rs.getBoolean(3)), projectId, workerId, Date.valueOf(day), slot.name());
    }

    /** The project zone (the clock's), in which days and slots are counted. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }
}
