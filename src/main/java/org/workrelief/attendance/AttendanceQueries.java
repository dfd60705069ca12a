package org.workrelief.attendance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.SignedInUser;
import org.workrelief.project.ProjectService;
import org.workrelief.team.TeamService;
import org.workrelief.team.WorkTeam;
import org.workrelief.worker.Enrollment;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.RosterMember;

/** What the attendance screens and the ledger show: a project's day, a worker's month, a project's month. */
@Service
public class AttendanceQueries {

    /** One sign-in as read back. */
    public record PunchView(long workerId, LocalDate day, Slot slot, Instant punchedAt, PunchSource source,
            boolean tooSoon, boolean outside) {
    }

    /** A worker's day: both sign-ins (either may be missing) and the resulting status. */
    public record WorkerDay(RosterMember member, PunchView am, PunchView pm) {

        public DayStatus status() {
            return DayStatus.of(am != null, pm != null);
        }

        /** Whether the daily review should look at this day: it has a warning. */
        public boolean flagged() {
            return !warnings().isEmpty();
        }

        /** The message keys of the day's warnings: one sign-in only, a sign-in too soon, one away from the site. */
        public List<String> warnings() {
            List<String> warnings = new ArrayList<>(3);
            if (status() == DayStatus.HALF) {
                warnings.add("attendance.flag.half");
            }
            if ((am != null && am.tooSoon()) || (pm != null && pm.tooSoon())) {
                warnings.add("attendance.flag.tooSoon");
            }
            if ((am != null && am.outside()) || (pm != null && pm.outside())) {
                warnings.add("attendance.flag.outside");
            }
            return warnings;
        }
    }

    public record TeamDay(WorkTeam team, List<WorkerDay> workers) {

        public long present() {
            return workers.stream().filter(w -> w.status() != DayStatus.ABSENT).count();
        }
    }

    public record DailySheet(LocalDate day, List<TeamDay> teams, boolean locked) {

        public long present() {
            return teams.stream().mapToLong(TeamDay::present).sum();
        }

        public long expected() {
            return teams.stream().mapToLong(t -> t.workers().size()).sum();
        }

        public long count(DayStatus status) {
            return teams.stream().flatMap(t -> t.workers().stream()).filter(w -> w.status() == status).count();
        }
    }

    /** One ledger row: a worker's status on each day of the month and the days worked. */
    public record LedgerRow(RosterMember member, String teamName, Map<LocalDate, DayStatus> days) {

        public BigDecimal total() {
            return days.values().stream().map(DayStatus::days).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final TeamService teams;
    private final EnrollmentService enrollments;
    private final AttendanceLocks locks;
    private final Clock clock;

    AttendanceQueries(JdbcClient jdbc, ProjectService projects, TeamService teams, EnrollmentService enrollments,
            AttendanceLocks locks, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.teams = teams;
        this.enrollments = enrollments;
        this.locks = locks;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DailySheet dailySheet(SignedInUser viewer, long projectId, LocalDate day) {
        projects.get(viewer, projectId);
        Map<Long, Map<Slot, PunchView>> byWorker = punchesByWorker(projectId, day, day);
        Map<Long, List<WorkerDay>> byTeam = new LinkedHashMap<>();
        for (RosterMember e : onePerWorker(enrollments.rosterMembers(viewer, projectId), day, day)) {
            Map<Slot, PunchView> punched = byWorker.getOrDefault(e.workerId(), Map.of());
            if (!e.onRosterOn(day) && punched.isEmpty()) {
                continue;
            }
            byTeam.computeIfAbsent(e.teamId(), t -> new ArrayList<>())
                    .add(new WorkerDay(e, punched.get(Slot.AM), punched.get(Slot.PM)));
        }
        List<TeamDay> result = new ArrayList<>();
        for (WorkTeam team : teams.teamsOfProject(projectId)) {
            result.add(new TeamDay(team, byTeam.getOrDefault(team.getId(), List.of())));
        }
        return new DailySheet(day, result, locks.isLocked(projectId, day));
    }

    /** A worker's month on a project, day by day (days in the future are left out). */
    @Transactional(readOnly = true)
    public Map<LocalDate, WorkerDay> workerMonth(SignedInUser viewer, long projectId, long workerId, YearMonth month) {
        projects.get(viewer, projectId);
        Enrollment enrollment = enrollments.onProjectByWorkerId(projectId, workerId)
                .orElseThrow(() -> new org.workrelief.common.NotFoundException("Enrollment", workerId));
        enrollments.get(viewer, enrollment.getId());
        return monthOf(enrollment, projectId, workerId, month);
    }

    /**
     * 本人查询: the worker's own month on a project they are enrolled on, as {@link #workerMonth} reads it,
     * for the worker's self-service session (the caller passes only the session's worker); not found when
     * the worker was never enrolled on the project.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, WorkerDay> ownMonth(long projectId, long workerId, YearMonth month) {
        Enrollment enrollment = enrollments.onProjectByWorkerId(projectId, workerId)
                .orElseThrow(() -> new org.workrelief.common.NotFoundException("Enrollment", workerId));
        return monthOf(enrollment, projectId, workerId, month);
    }

    private Map<LocalDate, WorkerDay> monthOf(Enrollment enrollment, long projectId, long workerId, YearMonth month) {
        RosterMember member = RosterMember.of(enrollment);
        Map<Long, Map<LocalDate, Map<Slot, PunchView>>> punches = punchesByWorkerAndDay(projectId, month.atDay(1),
                month.atEndOfMonth());
        Map<LocalDate, Map<Slot, PunchView>> mine = punches.getOrDefault(workerId, Map.of());
        Map<LocalDate, WorkerDay> days = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()) && !day.isAfter(today); day = day.plusDays(1)) {
            Map<Slot, PunchView> punched = mine.getOrDefault(day, Map.of());
            days.put(day, new WorkerDay(member, punched.get(Slot.AM), punched.get(Slot.PM)));
        }
        return days;
    }

    /** 考勤台账: every worker on the roster during the month, with each day's status. */
    @Transactional(readOnly = true)
    public List<LedgerRow> ledger(SignedInUser viewer, long projectId, YearMonth month) {
        projects.get(viewer, projectId);
        Map<Long, String> teamNames = new HashMap<>();
        teams.teamsOfProject(projectId).forEach(t -> teamNames.put(t.getId(), t.getName()));
        Map<Long, Map<LocalDate, Map<Slot, PunchView>>> punches = punchesByWorkerAndDay(projectId, month.atDay(1),
                month.atEndOfMonth());
        List<LedgerRow> rows = new ArrayList<>();
        for (RosterMember e : onePerWorker(enrollments.rosterMembers(viewer, projectId), month.atDay(1), month.atEndOfMonth())) {
            Map<LocalDate, Map<Slot, PunchView>> mine = punches.getOrDefault(e.workerId(), Map.of());
            boolean onRoster = !e.enrolledOn().isAfter(month.atEndOfMonth())
                    && (e.leftOn() == null || !e.leftOn().isBefore(month.atDay(1)));
            if (!onRoster && mine.isEmpty()) {
                continue;
            }
            Map<LocalDate, DayStatus> days = new LinkedHashMap<>();
            for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                Map<Slot, PunchView> punched = mine.getOrDefault(day, Map.of());
                days.put(day, DayStatus.of(punched.containsKey(Slot.AM), punched.containsKey(Slot.PM)));
            }
            rows.add(new LedgerRow(e, teamNames.getOrDefault(e.teamId(), ""), days));
        }
        return rows;
    }

    public Clock clock() {
        return clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalTime localTime(Instant instant) {
        return instant.atZone(clock.getZone()).toLocalTime();
    }

    /**
     * One enrollment per worker (a worker who left and was enrolled again has two): the one covering
     * the period's end, else the latest. Sign-ins are per worker and day, so each worker is counted once.
     */
    private static List<RosterMember> onePerWorker(List<RosterMember> roster, LocalDate from, LocalDate to) {
        Map<Long, RosterMember> chosen = new LinkedHashMap<>();
        for (RosterMember e : roster) {
            chosen.merge(e.workerId(), e, (a, b) -> {
                boolean aCovers = a.onRosterOn(to) || a.onRosterOn(from);
                boolean bCovers = b.onRosterOn(to) || b.onRosterOn(from);
                if (aCovers != bCovers) {
                    return aCovers ? a : b;
                }
                return a.enrollmentId() > b.enrollmentId() ? a : b;
            });
        }
        return new ArrayList<>(chosen.values());
    }

    private List<PunchView> punches(long projectId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select worker_id, work_date as day, slot, punched_at, source, flag_too_soon as too_soon,
                       flag_outside as outside
                from punch where project_id = :projectId and work_date between :from and :to
                """).param("projectId", projectId).param("from", from).param("to", to).query(PunchView.class).list();
    }

    private Map<Long, Map<Slot, PunchView>> punchesByWorker(long projectId, LocalDate from, LocalDate to) {
        Map<Long, Map<Slot, PunchView>> map = new HashMap<>();
        for (PunchView p : punches(projectId, from, to)) {
            map.computeIfAbsent(p.workerId(), k -> new java.util.EnumMap<>(Slot.class)).put(p.slot(), p);
        }
        return map;
    }

    private Map<Long, Map<LocalDate, Map<Slot, PunchView>>> punchesByWorkerAndDay(long projectId, LocalDate from, LocalDate to) {
        Map<Long, Map<LocalDate, Map<Slot, PunchView>>> map = new HashMap<>();
        for (PunchView p : punches(projectId, from, to)) {
            map.computeIfAbsent(p.workerId(), k -> new HashMap<>())
                    .computeIfAbsent(p.day(), k -> new java.util.EnumMap<>(Slot.class)).put(p.slot(), p);
        }
        return map;
    }
}
