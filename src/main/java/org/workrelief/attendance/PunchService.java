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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
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
    private final TransactionTemplate transactions;

    PunchService(JdbcTemplate jdbc, EnrollmentService enrollments, AuditLog auditLog, Clock clock,
            @Value("${workrelief.attendance.clock-tolerance:PT2M}") Duration clockTolerance,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.enrollments = enrollments;
        this.auditLog = auditLog;
        this.clock = clock;
        this.clockTolerance = clockTolerance;
    }

    /**
     * A sign-in. A repeat (the worker's half-day already stored on this project) is answered from the
     * first round trip, outside any transaction: what it answers is a committed row, which a lock would
     * not change. Anything else is decided in a transaction, under the locks.
     */
    public PunchResult punch(PunchRequest request) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return punchInCurrentTransaction(request);
        }
        FirstRead first = firstRead(request);
        Optional<PunchResult> repeat = first.repeat(request, clock, clockTolerance);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        return transactions.execute(status -> decide(request, first.context()));
    }

    /**
     * The rules and the insert, inside the caller's transaction (the file import runs many in one).
     * Three round trips: the project and worker; the locks with the day read under them; the writes.
     */
    PunchResult punchInCurrentTransaction(PunchRequest request) {
        return decide(request, firstRead(request).context());
    }

    private PunchResult decide(PunchRequest request, SignInContext context) {
        ZonedDateTime local = request.punchedAt().atZone(clock.getZone());
        LocalDate day = local.toLocalDate();
        ProjectService.SiteFacts site = context.site();
        SignInFacts worker = admitted(request, context, clock, clockTolerance);
        Day rules = lockAndRead(site.projectId(), worker.workerId(), day);
        Slot slot = rules.windows().slotAt(local.toLocalTime())
                .orElseThrow(() -> new PunchRefusedException(Refusal.OUTSIDE_SLOT_WINDOWS));
        StoredPunch stored = rules.signIns().get(slot);
        if (stored != null) {
            // one AM and one PM per person per day, whatever the project
            if (stored.projectId() != site.projectId()) {
                throw new PunchRefusedException(Refusal.SIGNED_IN_ON_ANOTHER_PROJECT);
            }
            // a repeat (a retried batch, a re-imported file) answers as the first one did, whatever changed since
            return new PunchResult(false, worker.workerId(), worker.workerName(), day, slot, stored.punchedAt(),
                    stored.tooSoon(), stored.outside());
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
        boolean tooSoon = store(request, site, worker.workerId(), day, slot, outside, rules.windows().minGap());
        return new PunchResult(true, worker.workerId(), worker.workerName(), day, slot, request.punchedAt(), tooSoon,
                outside);
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

        /** The answer to a repeat on this project, when it is one (the same checks first, in the same order). */
        Optional<PunchResult> repeat(PunchRequest request, Clock clock, Duration clockTolerance) {
            if (signIns.isEmpty()) {
                return Optional.empty();
            }
            SignInFacts worker = admitted(request, context, clock, clockTolerance);
            ZonedDateTime local = request.punchedAt().atZone(clock.getZone());
            Optional<Slot> slot = windows.slotAt(local.toLocalTime());
            StoredPunch stored = slot.map(signIns::get).orElse(null);
            if (stored == null || stored.projectId() != context.site().projectId()) {
                return Optional.empty(); // decided under the locks
            }
            return Optional.of(new PunchResult(false, worker.workerId(), worker.workerName(), local.toLocalDate(),
                    slot.get(), stored.punchedAt(), stored.tooSoon(), stored.outside()));
        }
    }

    private FirstRead firstRead(PunchRequest request) {
        LocalDate day = request.punchedAt().atZone(clock.getZone()).toLocalDate();
        EnrollmentService.SignInKey key = enrollments.signInKey(request.workerCode(), request.workerId(),
                request.idNumber());
        Date date = Date.valueOf(day);
        List<FirstRead> rows = new ArrayList<>(2);
        jdbc.query("""
                select p.id, p.town_id, p.status, p.latitude, p.longitude, p.radius_m,
                       f.id, f.name, f.enrolled, f.enrolled_on, f.left_on, f.contract_signed_on, f.insurance_from,
                       f.insurance_to,
                       s.am_start, s.am_end, s.pm_start, s.pm_end, s.min_gap_minutes,
                       d.slot, d.project_id, d.punched_at, d.flag_too_soon, d.flag_outside
                from project p
                left join lateral (
                    select w.id, w.name, e.id is not null as enrolled, e.enrolled_on, e.left_on, e.contract_signed_on,
                           e.insurance_from, e.insurance_to
                    from worker w left join enrollment e on e.worker_id = w.id and e.project_id = p.id
                    where %s
                    order by (e.enrolled_on <= ? and (e.left_on is null or e.left_on > ?)) desc nulls last, e.id desc
                    limit 1
                ) f on true
                left join attendance_settings s on s.project_id = p.id
                left join punch d on d.worker_id = f.id and d.work_date = ?
                where p.id = ?
                """.formatted(key.predicate()), (ResultSet rs) -> {
            SignInContext context = new SignInContext(new ProjectService.SiteFacts(rs.getLong(1), rs.getLong(2),
                    ProjectStatus.valueOf(rs.getString(3)), rs.getBigDecimal(4), rs.getBigDecimal(5),
                    (Integer) rs.getObject(6)),
                    rs.getObject(7) == null ? Optional.empty()
                            : Optional.of(new SignInFacts(rs.getLong(7), rs.getString(8), rs.getBoolean(9),
                                    localDate(rs.getDate(10)), localDate(rs.getDate(11)), localDate(rs.getDate(12)),
                                    localDate(rs.getDate(13)), localDate(rs.getDate(14)))));
            FirstRead read = rows.isEmpty() ? new FirstRead(context, AttendanceSettings.windowsAt(rs, 15),
                    new EnumMap<>(Slot.class)) : rows.get(0);
            if (rs.getString(20) != null) {
                read.signIns().put(Slot.valueOf(rs.getString(20)), new StoredPunch(rs.getLong(21),
                        rs.getTimestamp(22).toInstant(), rs.getBoolean(23), rs.getBoolean(24)));
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

    /** A bigint advisory-lock key for one worker's day (the two-int key space used for project days is separate). */
    /** A project's windows for the day, whether the day is approved, and the worker's sign-ins of the day by slot. */
    private record Day(SlotWindows windows, boolean locked, Map<Slot, StoredPunch> signIns) {
    }

    /** A sign-in already stored, on this project or another one. */
    private record StoredPunch(long projectId, Instant punchedAt, boolean tooSoon, boolean outside) {
    }

    /**
     * Takes the locks, then reads the day: one sign-in of a worker's day at a time (so the AM/PM gap is
     * judged on both, and the one-AM-one-PM rule across projects on what is stored), and a shared hold
     * on the project's day, which approving the day takes exclusively (AttendanceLocks). The two
     * statements go in one round trip; the read is a statement of its own so that its snapshot is taken
     * once the locks are held, and sees whatever was committed while this sign-in waited for them.
     */
    private Day lockAndRead(long projectId, long workerId, LocalDate day) {
        Date date = Date.valueOf(day);
        AdvisoryLocks.Key projectDay = AdvisoryLocks.projectDay(projectId, day);
        Object[] parameters = { projectDay.space(), projectDay.id(), AdvisoryLocks.workerDay(workerId, day),
                projectId, date, projectId, workerId, date };
        return jdbc.execute("""
                select pg_advisory_xact_lock_shared(?, ?), pg_advisory_xact_lock(?);
                select s.am_start, s.am_end, s.pm_start, s.pm_end, s.min_gap_minutes,
                       exists (select 1 from attendance_lock l where l.project_id = ? and l.work_date = ?),
                       p.slot, p.project_id, p.punched_at, p.flag_too_soon, p.flag_outside
                from (select 1) one
                left join attendance_settings s on s.project_id = ?
                left join punch p on p.worker_id = ? and p.work_date = ?
                """, (PreparedStatement statement) -> {
            new ArgumentPreparedStatementSetter(parameters).setValues(statement);
            statement.execute(); // the locks, held until the transaction ends
            statement.getMoreResults();
            try (ResultSet rs = statement.getResultSet()) {
                SlotWindows windows = null;
                boolean locked = false;
                Map<Slot, StoredPunch> signIns = new EnumMap<>(Slot.class);
                while (rs.next()) { // one row, or one per sign-in of the worker's day (at most AM and PM)
                    windows = AttendanceSettings.windowsAt(rs, 1);
                    locked = rs.getBoolean(6);
                    if (rs.getString(7) != null) {
                        signIns.put(Slot.valueOf(rs.getString(7)), new StoredPunch(rs.getLong(8),
                                rs.getTimestamp(9).toInstant(), rs.getBoolean(10), rs.getBoolean(11)));
                    }
                }
                return new Day(windows, locked, signIns);
            }
        });
    }

    /**
     * Stores the sign-in with its audit row (and registers the project's day as worked), and flags the day's PM sign-in when it came less than the
     * minimum gap after the AM one (the new sign-in may be either), auditing a flag put on an earlier
     * PM sign-in. Two statements in one round trip: the flag update must see the row just inserted,
     * which a CTE of the same statement would not. Whether the new sign-in itself was flagged.
     */
    private boolean store(PunchRequest request, ProjectService.SiteFacts site, long workerId, LocalDate day, Slot slot,
            boolean outside, Duration minGap) {
        Timestamp now = Timestamp.from(clock.instant());
        String by = request.recordedBy();
        List<Object> parameters = new ArrayList<>(List.of(site.projectId(), workerId, Date.valueOf(day), slot.name(),
                Timestamp.from(request.punchedAt()), request.source().name()));
        parameters.addAll(Arrays.asList(request.deviceId(), by, request.latitude(), request.longitude(), outside, now, by,
                now, by));
        parameters.addAll(auditLog.insertParameters(by, AuditEvent.of("PUNCH_RECORDED", ENTITY, null)
                .inProject(site.projectId(), site.townId())
                .change(null, Map.of("workerId", workerId, "day", day.toString(), "slot", slot.name(),
                        "punchedAt", request.punchedAt().toString(), "source", request.source().name()))
                .detail(request.deviceId())));
        parameters.addAll(List.of(site.projectId(), Date.valueOf(day))); // the day register (attendance_day)
        parameters.addAll(List.of(site.projectId(), workerId, Date.valueOf(day), minGap.toMinutes()));
        parameters.addAll(auditLog.insertParameters(by, AuditEvent.of("PUNCH_FLAGGED", ENTITY, null)
                .inProject(site.projectId(), site.townId()).change(Map.of("pmTooSoon", false), Map.of("pmTooSoon", true))
                .detail("AM sign-in arrived after the PM one")));
        // An AM sign-in can only flag the day's PM sign-in, an earlier row, whose flag is a change of its own
        // to audit; a PM sign-in can only flag itself, and its PUNCH_RECORDED row stands for that.
        parameters.add(slot == Slot.AM);
        return jdbc.execute("""
                with inserted as (
                    insert into punch (project_id, worker_id, work_date, slot, punched_at, source, device_id, recorded_by,
                                       latitude, longitude, flag_outside, created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    returning id
                ), audited as (
                """ + AuditLog.INSERT_PER_ROW + """
                    from inserted
                ), worked_day as (
                    insert into attendance_day (project_id, work_date) values (?, ?) on conflict do nothing
                )
                select id from inserted;
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
            statement.execute(); // the insert
            statement.getMoreResults();
            try (ResultSet flagged = statement.getResultSet()) {
                return flagged.next() && slot == Slot.PM;
            }
        });
    }

    /** The project zone (the clock's), in which days and slots are counted. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }
}
