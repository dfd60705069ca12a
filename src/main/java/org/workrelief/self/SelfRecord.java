package org.workrelief.self;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.workrelief.attendance.AttendanceQueries;
import org.workrelief.attendance.DayStatus;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.payout.PayoutQueries;
import org.workrelief.payout.PayoutQueries.OwnLine;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.supervision.ApprovedAttendance;
import org.workrelief.team.TeamService;
import org.workrelief.team.WorkTeam;
import org.workrelief.worker.Enrollment;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerPins;
import org.workrelief.worker.WorkerService;

/**
 * What a worker reads of their own record in a self-service session, and the audit entry of each read.
 * Only ever the session's worker: every method takes that worker's id, and any other id it is given (a
 * project, a payout line) must be of that worker's own record, else "not found". No full ID or card
 * number: the modules' read models carry the masked ones only.
 */
@Service
public class SelfRecord {

    /** A project the worker is (or was) enrolled on: team, dates, and the months to look up. */
    public record ProjectRow(long projectId, String projectName, String employer, String teamName, LocalDate enrolledOn,
            LocalDate leftOn, List<YearMonth> months) {

        public YearMonth latestMonth() {
            return months.get(months.size() - 1);
        }
    }

    /** A payout line with what the page says about it. */
    public record LineRow(OwnLine own, String projectName) {
    }

    public record Overview(Worker worker, List<ProjectRow> projects, List<LineRow> lines) {
    }

    /** Whether the committee approved the day's sign-ins for pay. */
    public enum Approval {
        /** The day's review is approved and the worker's sign-ins count. */
        APPROVED,
        /** Not yet reviewed and approved. */
        PENDING,
        /** Reviewed, but this worker's sign-ins of the day were not accepted. */
        NOT_COUNTED,
        /** Nothing to approve (no sign-in). */
        NONE
    }

    public record DayRow(LocalDate day, LocalTime am, LocalTime pm, DayStatus status, Approval approval) {
    }

    public record Month(Worker worker, ProjectRow project, YearMonth month, List<DayRow> days, BigDecimal signedDays,
            BigDecimal approvedDays, YearMonth previous, YearMonth next) {
    }

    public record Slip(Worker worker, String projectName, String employer, OwnLine own) {
    }

    private final WorkerService workers;
    private final EnrollmentService enrollments;
    private final ProjectService projects;
    private final TeamService teams;
    private final AttendanceQueries attendance;
    private final ApprovedAttendance approved;
    private final PayoutQueries payouts;
    private final AuditLog auditLog;
    private final Clock clock;

    SelfRecord(WorkerService workers, EnrollmentService enrollments, ProjectService projects, TeamService teams,
            AttendanceQueries attendance, ApprovedAttendance approved, PayoutQueries payouts, AuditLog auditLog,
            Clock clock) {
        this.workers = workers;
        this.enrollments = enrollments;
        this.projects = projects;
        this.teams = teams;
        this.attendance = attendance;
        this.approved = approved;
        this.payouts = payouts;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** 我的项目 and 我的工资: the worker's projects and teams and every payout line, audited as one lookup. */
    public Overview overview(SelfSession session, String address) {
        Worker worker = workers.own(session.workerId());
        List<ProjectRow> rows = projectRows(worker.getId());
        Map<Long, String> names = new HashMap<>();
        rows.forEach(row -> names.put(row.projectId(), row.projectName()));
        List<LineRow> lines = payouts.ownLines(worker.getId()).stream()
                .map(own -> new LineRow(own, names.computeIfAbsent(own.batch().projectId(),
                        id -> projects.ofOwnEnrollment(id).getName())))
                .toList();
        audit(worker, "SELF_VIEWED", "overview", address);
        return new Overview(worker, rows, lines);
    }

    /**
     * One month of one of the worker's projects, day by day (no day after today): sign-in times, full,
     * half or absent, and whether the committee approved it. Not found for a project the worker was never
     * enrolled on; a month outside the enrollment is moved to the nearest one of it.
     */
    public Month month(SelfSession session, Long projectId, YearMonth requested, String address) {
        Worker worker = workers.own(session.workerId());
        List<ProjectRow> rows = projectRows(worker.getId());
        ProjectRow project = projectId == null ? rows.stream().findFirst().orElseThrow(() -> new NotFoundException("Enrollment", "?"))
                : rows.stream().filter(row -> row.projectId() == projectId).findFirst()
                        .orElseThrow(() -> new NotFoundException("Enrollment", projectId));
        YearMonth month = requested == null || !project.months().contains(requested) ? nearest(project.months(), requested)
                : requested;
        Set<LocalDate> counted = new HashSet<>();
        approved.countedDays(project.projectId(), month.atDay(1), month.atEndOfMonth()).stream()
                .filter(day -> day.workerId() == worker.getId()).forEach(day -> counted.add(day.day()));
        Set<LocalDate> unapproved = new HashSet<>(approved.unapprovedDays(project.projectId(), month.atDay(1),
                month.atEndOfMonth()));
        List<DayRow> days = new ArrayList<>();
        BigDecimal signed = BigDecimal.ZERO;
        BigDecimal approvedDays = BigDecimal.ZERO;
        for (var entry : attendance.ownMonth(project.projectId(), worker.getId(), month).entrySet()) {
            var day = entry.getValue();
            DayStatus status = day.status();
            Approval approval = status == DayStatus.ABSENT ? Approval.NONE
                    : counted.contains(entry.getKey()) ? Approval.APPROVED
                    : unapproved.contains(entry.getKey()) || entry.getKey().equals(LocalDate.now(clock)) ? Approval.PENDING
                    : Approval.NOT_COUNTED;
            signed = signed.add(status.days());
            if (approval == Approval.APPROVED) {
                approvedDays = approvedDays.add(status.days());
            }
            days.add(new DayRow(entry.getKey(), day.am() == null ? null : attendance.localTime(day.am().punchedAt()),
                    day.pm() == null ? null : attendance.localTime(day.pm().punchedAt()), status, approval));
        }
        int at = project.months().indexOf(month);
        audit(worker, "SELF_VIEWED", "month " + month + " project " + project.projectId(), address);
        return new Month(worker, project, month, days, signed, approvedDays,
                at > 0 ? project.months().get(at - 1) : null,
                at < project.months().size() - 1 ? project.months().get(at + 1) : null);
    }

    /** 工资清单 of one of the worker's own payout lines; not found for any other line. */
    public Slip slip(SelfSession session, long lineId, String address) {
        Worker worker = workers.own(session.workerId());
        OwnLine own = payouts.ownLine(worker.getId(), lineId).orElseThrow(() -> new NotFoundException("PayoutLine", lineId));
        Project project = projects.ofOwnEnrollment(own.batch().projectId());
        auditLog.recordAs(WorkerPins.selfActor(worker.getWorkerCode()), AuditEvent.of("SELF_VIEWED", "PayoutLine", lineId)
                .inProject(project.getId(), project.getTownId()).detail(where("slip", address)));
        return new Slip(worker, project.getName(), project.getEntityName(), own);
    }

    private void audit(Worker worker, String action, String what, String address) {
        audit(worker.getId(), worker.getWorkerCode(), worker.getTownId(), action, what, address);
    }

    /** Audits a self-service event of this worker (signed in, signed out, timed out) with the client's address. */
    void audit(long workerId, String workerCode, Long townId, String action, String what, String address) {
        auditLog.recordAs(WorkerPins.selfActor(workerCode), AuditEvent.of(action, "Worker", workerId)
                .inTown(townId).detail(where(what, address)));
    }

    static String where(String what, String address) {
        return what + " · " + address;
    }

    private List<ProjectRow> projectRows(long workerId) {
        Map<Long, List<Enrollment>> byProject = new LinkedHashMap<>();
        enrollments.ownEnrollments(workerId).stream().sorted(Comparator.comparing(Enrollment::getEnrolledOn).reversed())
                .forEach(e -> byProject.computeIfAbsent(e.getProjectId(), id -> new ArrayList<>()).add(e));
        YearMonth now = YearMonth.now(clock);
        List<ProjectRow> rows = new ArrayList<>();
        byProject.forEach((projectId, list) -> {
            Project project = projects.ofOwnEnrollment(projectId);
            Enrollment latest = list.get(0);
            LocalDate first = list.stream().map(Enrollment::getEnrolledOn).min(Comparator.naturalOrder()).orElseThrow();
            boolean stillOn = list.stream().anyMatch(e -> e.getLeftOn() == null);
            LocalDate last = stillOn ? null : list.stream().map(Enrollment::getLeftOn).max(Comparator.naturalOrder()).orElseThrow();
            YearMonth from = YearMonth.from(first);
            YearMonth to = last == null ? now : YearMonth.from(last).isBefore(now) ? YearMonth.from(last) : now;
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                months.add(m);
            }
            if (months.isEmpty()) {
                months.add(from);
            }
            String team = teams.teamsOfProject(projectId).stream().filter(t -> t.getId().equals(latest.getTeamId()))
                    .map(WorkTeam::getName).findFirst().orElse("");
            rows.add(new ProjectRow(projectId, project.getName(), project.getEntityName(), team, first, last, months));
        });
        return rows;
    }

    private static YearMonth nearest(List<YearMonth> months, YearMonth requested) {
        if (requested == null || requested.isAfter(months.get(months.size() - 1))) {
            return months.get(months.size() - 1);
        }
        return months.get(0);
    }
}
