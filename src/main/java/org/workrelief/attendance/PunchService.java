package org.workrelief.attendance;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.db.AdvisoryLocks;
import org.workrelief.project.ProjectService;
import org.workrelief.project.ProjectStatus;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.SignInContext;
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
    private final EnrollmentService enrollments;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration clockTolerance;

    PunchService(JdbcTemplate jdbc, EnrollmentService enrollments, AuditLog auditLog, Clock clock,
            @Value("${workrelief.attendance.clock-tolerance:PT2M}") Duration clockTolerance) {
        this.jdbc = jdbc;
        this.enrollments = enrollments;
        this.auditLog = auditLog;
        this.clock = clock;
        this.clockTolerance = clockTolerance;
    }

    /**
     * A sign-in, in two round trips to PostgreSQL at most. The first reads the project, the worker, the
     * day's windows and the worker's sign-ins of the day: a repeat (the half-day already stored on this
     * project) is answered from it, storing nothing. A new one is written by the second: the locks, and
     * under them the row, its audit row and the flag of a PM sign-in too soon after the AM one, each
     * guarded by what the locks protect (the day not approved, the half-day still free). Outside a
     * transaction the second round trip is a transaction of its own, committed by PostgreSQL when its
     * statements end: the locks it takes, the audit chain's among them, are held for no exchange with
     * this server. Inside one (the file import runs many sign-ins in one), they are the caller's.
     */
    public PunchResult punch(PunchRequest request) {
        return decide(request, firstRead(request));
    }

    private PunchResult decide(PunchRequest request, FirstRead first) {
        ZonedDateTime local = request.punchedAt().atZone(clock.getZone());
        LocalDate day = local.toLocalDate();
        ProjectService.SiteFacts site = first.context().site();
        SignInFacts worker = admitted(request, first.context(), clock, clockTolerance);
        Slot slot = first.windows().slotAt(local.toLocalTime())
                .orElseThrow(() -> new PunchRefusedException(Refusal.OUTSIDE_SLOT_WINDOWS));
        StoredPunch stored = first.signIns().get(slot);
        if (stored != null) {
            return alreadyStored(stored, site, worker, day, slot);
        }
        WorkEligibility eligibility = worker.eligibilityOn(day);
        if (eligibility != WorkEligibility.ELIGIBLE) {
            throw new PunchRefusedException(Refusal.valueOf(eligibility.name()));
        }
        boolean outside = Worksite.isOutside(site.latitude(), site.longitude(), site.radiusMetres(), request.latitude(),
                request.longitude());
        Written written = write(request, site, worker.workerId(), day, slot, outside, first.windows().minGap());
        if (!written.stored()) {
            if (!written.open()) {
                throw new PunchRefusedException(Refusal.DAY_APPROVED);
            }
            // the half-day was stored after the first read, by a sign-in that held the locks first (read again
            // should that sign-in have committed after the write's snapshot)
            StoredPunch taken = written.taken() != null ? written.taken() : firstRead(request).signIns().get(slot);
            return alreadyStored(taken, site, worker, day, slot);
        }
        return new PunchResult(true, worker.workerId(), worker.workerName(), day, slot, request.punchedAt(),
                written.tooSoon(), outside);
    }

    /**
     * One AM and one PM per person per day, whatever the project: a half-day already stored refuses a
     * sign-in on another project, and on this one answers as the first sign-in did, whatever changed
     * since (a retried batch, a re-imported file).
     */
    private static PunchResult alreadyStored(StoredPunch stored, ProjectService.SiteFacts site, SignInFacts worker,
            LocalDate day, Slot slot) {
        if (stored.projectId() != site.projectId()) {
            throw new PunchRefusedException(Refusal.SIGNED_IN_ON_ANOTHER_PROJECT);
        }
        return new PunchResult(false, worker.workerId(), worker.workerName(), day, slot, stored.punchedAt(),
                stored.tooSoon(), stored.outside());
    }

    /**
     * The checks before the day's sign-ins are looked at, in their order: the project is being built, the
     * time is not in the future, the worker exists and is enrolled on the project.
     */
    private static SignInFacts admitted(PunchRequest request, SignInContext context, Clock clock, Duration clockTolerance) {
        if (!context.site().status().acceptsAttendance()) {
            throw new PunchRefusedException(Refusal.PROJECT_NOT_ACTIVE);
        }
        // a terminal's clock may run a little fast; beyond the tolerance the time is in the future
        if (request.punchedAt().isAfter(clock.instant().plus(clockTolerance))) {
            throw new PunchRefusedException(Refusal.FUTURE_TIME);
        }
        SignInFacts worker = context.worker().orElseThrow(() -> new PunchRefusedException(Refusal.UNKNOWN_WORKER));
        if (!worker.enrolled()) {
            throw new PunchRefusedException(Refusal.WORKER_OF_ANOTHER_PROJECT);
        }
        return worker;
    }

    /** The first round trip: the project, the worker, the project's windows and the worker's sign-ins of the day. */
    private record FirstRead(SignInContext context, SlotWindows windows, Map<Slot, StoredPunch> signIns) {
    }

    private FirstRead firstRead(PunchRequest request) {
        LocalDate day = request.punchedAt().atZone(clock.getZone()).toLocalDate();
        EnrollmentService.SignInKey key = enrollments.signInKey(request.workerCode(), request.workerId(),
                request.idNumber());
        Date date = Date.valueOf(day);
        List<FirstRead> rows = new ArrayList<>(2);
        jdbc.query("""
                select p.id, p.town_id, p.status, p.latitude, p.longitude, p.radius_m,
                       f.id as worker_id, f.name, f.enrolled, f.enrolled_on, f.left_on, f.contract_signed_on,
                       f.insurance_from, f.insurance_to,
                       s.am_start, s.am_end, s.pm_start, s.pm_end, s.min_gap_minutes,
                       d.slot, d.project_id as signed_project_id, d.punched_at, d.flag_too_soon, d.flag_outside
                from project_site p
                left join lateral (
                    select w.id, w.name, e.id is not null as enrolled, e.enrolled_on, e.left_on, e.contract_signed_on,
                           e.insurance_from, e.insurance_to
                    from worker_name w left join enrollment_terms e on e.worker_id = w.id and e.project_id = p.id
                    where %s
                    order by (e.enrolled_on <= ? and (e.left_on is null or e.left_on > ?)) desc nulls last, e.id desc
                    limit 1
                ) f on true
                left join attendance_settings s on s.project_id = p.id
                left join punch d on d.worker_id = f.id and d.work_date = ?
                where p.id = ?
                """.formatted(key.predicate()), (ResultSet rs) -> {
            SignInContext context = new SignInContext(new ProjectService.SiteFacts(rs.getLong("id"),
                    rs.getLong("town_id"), ProjectStatus.valueOf(rs.getString("status")), rs.getBigDecimal("latitude"),
                    rs.getBigDecimal("longitude"), (Integer) rs.getObject("radius_m")),
                    rs.getObject("worker_id") == null ? Optional.empty()
                            : Optional.of(new SignInFacts(rs.getLong("worker_id"), rs.getString("name"),
                                    rs.getBoolean("enrolled"), localDate(rs.getDate("enrolled_on")),
                                    localDate(rs.getDate("left_on")), localDate(rs.getDate("contract_signed_on")),
                                    localDate(rs.getDate("insurance_from")), localDate(rs.getDate("insurance_to")))));
            FirstRead read = rows.isEmpty() ? new FirstRead(context, AttendanceSettings.windowsAt(rs),
                    new EnumMap<>(Slot.class)) : rows.get(0);
            if (rs.getString("slot") != null) {
                read.signIns().put(Slot.valueOf(rs.getString("slot")), new StoredPunch(rs.getLong("signed_project_id"),
                        rs.getTimestamp("punched_at").toInstant(), rs.getBoolean("flag_too_soon"),
                        rs.getBoolean("flag_outside")));
            }
            if (rows.isEmpty()) {
                rows.add(read);
            }
        }, key.value(), date, date, date, request.projectId());
        if (rows.isEmpty()) {
            throw new NotFoundException("Project", request.projectId());
        }
        return rows.get(0);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** A sign-in already stored, on this project or another one. */
    private record StoredPunch(long projectId, Instant punchedAt, boolean tooSoon, boolean outside) {
    }

    /**
     * What the write found and did: whether the day was open, whether it stored the sign-in (and flagged it too
     * soon), and the half-day's row when another sign-in had taken it.
     */
    private record Written(boolean open, boolean stored, boolean tooSoon, StoredPunch taken) {
    }

    /**
     * The locks, then the writes, in one round trip. The locks: one sign-in of a worker's day at a time
     * (so the AM/PM gap is judged on both, and one AM and one PM across projects on what is stored), and
     * a shared hold on the project's day, which approving the day takes exclusively (AttendanceLocks).
     * Each statement after them takes its snapshot once they are held, and sees whatever was committed
     * while this sign-in waited for them. The row is inserted only if the day is not approved and the
     * half-day is still free (else the half-day's row is read back), with its audit row and the day's
     * register; then the day's PM sign-in is flagged when it came less than the minimum gap after the
     * AM one (the new sign-in may be either), auditing a flag put on an earlier PM sign-in: a statement
     * of its own, as it must see the row just inserted, which a CTE of the same statement would not.
     */
    private Written write(PunchRequest request, ProjectService.SiteFacts site, long workerId, LocalDate day, Slot slot,
            boolean outside, Duration minGap) {
        Timestamp now = Timestamp.from(clock.instant());
        Date date = Date.valueOf(day);
        String by = request.recordedBy();
        AdvisoryLocks.Key projectDay = AdvisoryLocks.projectDay(site.projectId(), day);
        List<Object> parameters = new ArrayList<>(List.of(projectDay.space(), projectDay.id(),
                AdvisoryLocks.workerDay(workerId, day)));
        parameters.addAll(List.of(site.projectId(), date)); // the day not approved
        parameters.addAll(List.of(site.projectId(), workerId, date, slot.name(), Timestamp.from(request.punchedAt()),
                request.source().name()));
        parameters.addAll(Arrays.asList(request.deviceId(), by, request.latitude(), request.longitude(), outside, now, by,
                now, by));
        parameters.addAll(auditLog.insertParameters(by, AuditEvent.of("PUNCH_RECORDED", ENTITY, null)
                .inProject(site.projectId(), site.townId())
                .change(null, Map.of("workerId", workerId, "day", day.toString(), "slot", slot.name(),
                        "punchedAt", request.punchedAt().toString(), "source", request.source().name()))
                .detail(request.deviceId())));
        parameters.addAll(List.of(site.projectId(), date)); // the day register (attendance_day)
        parameters.addAll(List.of(workerId, date, slot.name())); // the half-day's row, when it was taken
        parameters.addAll(List.of(site.projectId(), workerId, date, minGap.toMinutes()));
        parameters.addAll(auditLog.insertParameters(by, AuditEvent.of("PUNCH_FLAGGED", ENTITY, null)
                .inProject(site.projectId(), site.townId()).change(Map.of("pmTooSoon", false), Map.of("pmTooSoon", true))
                .detail("AM sign-in arrived after the PM one")));
        // An AM sign-in can only flag the day's PM sign-in, an earlier row, whose flag is a change of its own
        // to audit; a PM sign-in can only flag itself, and its PUNCH_RECORDED row stands for that.
        parameters.add(slot == Slot.AM);
        return jdbc.execute("""
                select pg_advisory_xact_lock_shared(?, ?), pg_advisory_xact_lock(?);
                with open_day as (
                    select not exists (select 1 from attendance_lock l where l.project_id = ? and l.work_date = ?) as open
                ), inserted as (
                    insert into punch (project_id, worker_id, work_date, slot, punched_at, source, device_id, recorded_by,
                                       latitude, longitude, flag_outside, created_at, created_by, updated_at, updated_by)
                    select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from open_day where open
                    on conflict (worker_id, work_date, slot) do nothing
                    returning id
                ), audited as (
                """ + AuditLog.INSERT_PER_ROW + """
                    from inserted
                ), worked_day as (
                    insert into attendance_day (project_id, work_date) select ?, ? from inserted on conflict do nothing
                )
                select (select open from open_day) as open, (select id from inserted) is not null as stored,
                       t.project_id, t.punched_at, t.flag_too_soon, t.flag_outside
                from (select 1) one
                left join punch t on t.worker_id = ? and t.work_date = ? and t.slot = ?;
                with flagged as (
                    update punch pm set flag_too_soon = true, version = pm.version + 1
                    from punch am
                    where pm.project_id = ? and pm.worker_id = ? and pm.work_date = ? and pm.slot = 'PM'
                      and am.project_id = pm.project_id and am.worker_id = pm.worker_id and am.work_date = pm.work_date
                      and am.slot = 'AM' and pm.punched_at - am.punched_at < ? * interval '1 minute'
                      and not pm.flag_too_soon
                    returning pm.id
                ), audited as (
                """ + AuditLog.INSERT_PER_ROW + """
                    from flagged where ?
                )
                select id from flagged
                """, (PreparedStatement statement) -> {
            new ArgumentPreparedStatementSetter(parameters.toArray()).setValues(statement);
            statement.execute(); // the locks, held until the transaction ends
            statement.getMoreResults();
            boolean open;
            boolean stored;
            StoredPunch taken = null;
            try (ResultSet rs = statement.getResultSet()) {
                rs.next();
                open = rs.getBoolean("open");
                stored = rs.getBoolean("stored");
                // the snapshot of the statement is from before its insert: a row here was there before this sign-in
                if (!stored && rs.getObject("project_id") != null) {
                    taken = new StoredPunch(rs.getLong("project_id"), rs.getTimestamp("punched_at").toInstant(),
                            rs.getBoolean("flag_too_soon"), rs.getBoolean("flag_outside"));
                }
            }
            statement.getMoreResults();
            try (ResultSet flagged = statement.getResultSet()) {
                return new Written(open, stored, stored && flagged.next() && slot == Slot.PM, taken);
            }
        });
    }

    /** The project zone (the clock's), in which days and slots are counted. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }
}
