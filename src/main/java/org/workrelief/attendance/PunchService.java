package org.workrelief.attendance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        SignInFacts worker = enrollments.signInFacts(site.projectId(), request.workerCode(), request.workerId(),
                request.idNumber(), day).orElseThrow(() -> new PunchRefusedException(Refusal.UNKNOWN_WORKER));
        if (!worker.enrolled()) {
            throw new PunchRefusedException(Refusal.WORKER_OF_ANOTHER_PROJECT);
        }
        // One sign-in of a worker's day at a time (so the AM/PM gap is judged on both), and a shared hold
        // on the project's day, which approving the day takes exclusively (AttendanceLocks).
        jdbc.query("select pg_advisory_xact_lock_shared(?, ?), pg_advisory_xact_lock(?)",
                (org.springframework.jdbc.core.RowCallbackHandler) row -> { },
                Math.toIntExact(site.projectId()), (int) day.toEpochDay(), workerDayKey(worker.workerId(), day));
        AttendanceSettings.DayRules rules = settings.dayRules(site.projectId(), day);
        Slot slot = rules.windows().slotAt(local.toLocalTime())
                .orElseThrow(() -> new PunchRefusedException(Refusal.OUTSIDE_SLOT_WINDOWS));
        Optional<PunchResult> already = stored(site.projectId(), worker.workerId(), worker.workerName(), day, slot);
        if (already.isPresent()) {
            // a repeat (a retried batch, a re-imported file) answers as the first one did, whatever changed since
            return already.get();
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
        Long id = jdbc.queryForObject("""
                insert into punch (project_id, worker_id, work_date, slot, punched_at, source, device_id, recorded_by,
                                   latitude, longitude, flag_outside, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning id
                """, Long.class, site.projectId(), worker.workerId(), Date.valueOf(day), slot.name(),
                Timestamp.from(request.punchedAt()), request.source().name(), request.deviceId(), request.recordedBy(),
                request.latitude(), request.longitude(), outside, now, request.recordedBy(), now, request.recordedBy());
        List<AuditEvent> audit = new ArrayList<>(2);
        audit.add(AuditEvent.of("PUNCH_RECORDED", ENTITY, id).inTown(site.townId())
                .change(null, Map.of("workerId", worker.workerId(), "day", day.toString(), "slot", slot.name(),
                        "punchedAt", request.punchedAt().toString(), "source", request.source().name()))
                .detail(request.deviceId()));
        Optional<Long> flaggedPm = flagPmTooSoon(site.projectId(), worker.workerId(), day, rules.windows().minGap());
        flaggedPm.filter(pm -> !pm.equals(id)).ifPresent(pm -> audit.add(AuditEvent.of("PUNCH_FLAGGED", ENTITY, pm)
                .inTown(site.townId()).change(Map.of("pmTooSoon", false), Map.of("pmTooSoon", true))
                .detail("AM sign-in arrived after the PM one")));
        auditLog.recordAllAs(request.recordedBy(), audit);
        return new PunchResult(true, worker.workerId(), worker.workerName(), day, slot, request.punchedAt(),
                flaggedPm.filter(id::equals).isPresent(), outside);
    }

    /** A bigint advisory-lock key for one worker's day (the two-int key space used for project days is separate). */
    private static long workerDayKey(long workerId, LocalDate day) {
        return (workerId << 20) | (day.toEpochDay() & 0xFFFFF);
    }

    /** Flags the day's PM sign-in when it came less than the minimum gap after the AM one; the flagged row's id. */
    private Optional<Long> flagPmTooSoon(long projectId, long workerId, LocalDate day, Duration minGap) {
        return jdbc.queryForList("""
                update punch pm set flag_too_soon = true, version = pm.version + 1
                from punch am
                where pm.project_id = ? and pm.worker_id = ? and pm.work_date = ? and pm.slot = 'PM'
                  and am.project_id = pm.project_id and am.worker_id = pm.worker_id and am.work_date = pm.work_date
                  and am.slot = 'AM' and pm.punched_at - am.punched_at < ? * interval '1 minute'
                  and not pm.flag_too_soon
                returning pm.id
                """, Long.class, projectId, workerId, Date.valueOf(day), minGap.toMinutes()).stream().findFirst();
    }

    /**
     * The worker's sign-in already stored for this day and slot: on this project it is the answer to a
     * repeat; on another project this one is refused (one AM and one PM per person per day).
     */
    private Optional<PunchResult> stored(long projectId, long workerId, String name, LocalDate day, Slot slot) {
        return jdbc.query("""
                select project_id, punched_at, flag_too_soon, flag_outside from punch
                where worker_id = ? and work_date = ? and slot = ?
                """, (rs, i) -> {
            if (rs.getLong(1) != projectId) {
                throw new PunchRefusedException(Refusal.SIGNED_IN_ON_ANOTHER_PROJECT);
            }
            return new PunchResult(false, workerId, name, day, slot, rs.getTimestamp(2).toInstant(), rs.getBoolean(3),
                    rs.getBoolean(4));
        }, workerId, Date.valueOf(day), slot.name()).stream().findFirst();
    }

    /** The project zone (the clock's), in which days and slots are counted. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }
}
