package org.workrelief.worker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.project.ProjectStatus;
import org.workrelief.team.TeamService;
import org.workrelief.team.WorkTeam;

/** 务工登记: putting registered workers on a project's team, with contract and insurance. */
@Service
public class EnrollmentService {

    static final String ENTITY = "Enrollment";
    /** Insurance that ends within this many days (today included) is shown as about to expire. */
    public static final int INSURANCE_EXPIRY_WARNING_DAYS = 7;

    private final EnrollmentRepository enrollments;
    private final WorkerService workers;
    private final ProjectService projects;
    private final TeamService teams;
    private final AuditLog auditLog;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final List<WorkedDays> workedDays;

    EnrollmentService(EnrollmentRepository enrollments, WorkerService workers, ProjectService projects,
            TeamService teams, AuditLog auditLog, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc,
            List<WorkedDays> workedDays) {
        this.jdbc = jdbc;
        this.workedDays = workedDays;
        this.enrollments = enrollments;
        this.workers = workers;
        this.projects = projects;
        this.teams = teams;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Filters of the project roster. {@code insuranceExpiring}: insurance ends within 7 days. */
    public record RosterFilter(String query, Long teamId, EnrollmentStatus status, boolean insuranceExpiring,
            boolean noContract, String idHash, String groupCode) {

        public RosterFilter(String query, Long teamId, EnrollmentStatus status, boolean insuranceExpiring,
                boolean noContract, String idHash) {
            this(query, teamId, status, insuranceExpiring, noContract, idHash, null);
        }

        public RosterFilter(String query, Long teamId, EnrollmentStatus status, boolean insuranceExpiring,
                boolean noContract) {
            this(query, teamId, status, insuranceExpiring, noContract, null);
        }

        public static RosterFilter none() {
            return new RosterFilter("", null, null, false, false);
        }
    }

    @Transactional
    public Enrollment enroll(SignedInUser actor, long projectId, long workerId, EnrollmentForm form) {
        actor.require(Role.ADMIN, Role.STAFF);
        Project project = projects.get(actor, projectId);
        Worker worker = workers.get(actor, workerId);
        requireTeamOf(actor, projectId, form.teamId());
        if (!worker.getTownId().equals(project.getTownId())) {
            // the roster, its contracts and the wages of a project are kept by the project's town
            throw new BusinessRuleException("enrollment.otherTown");
        }
        if (enrollments.existsByProjectIdAndWorkerIdAndStatus(projectId, workerId, EnrollmentStatus.ACTIVE)) {
            throw new BusinessRuleException("enrollment.alreadyActive");
        }
        Enrollment enrollment;
        try {
            enrollment = enrollments.saveAndFlush(new Enrollment(projectId, worker, form));
        }
        catch (DataIntegrityViolationException raced) {
            if (org.workrelief.common.Constraints.violated(raced, "uk_enrollment_active")) {
                throw new BusinessRuleException("enrollment.alreadyActive");
            }
            throw raced;
        }
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("ENROLLED", ENTITY, enrollment.getId())
                .inProject(project.getId(), project.getTownId()).change(null, enrollment.toForm())
                .detail(worker.getWorkerCode() + " → " + project.getCode()));
        return enrollment;
    }

    @Transactional
    public Enrollment update(SignedInUser actor, long enrollmentId, EnrollmentForm form) {
        actor.require(Role.ADMIN, Role.STAFF);
        Enrollment enrollment = get(actor, enrollmentId);
        if (enrollment.getVersion() != form.version()) {
            throw new ObjectOptimisticLockingFailureException(Enrollment.class, enrollmentId);
        }
        requireTeamOf(actor, enrollment.getProjectId(), form.teamId());
        EnrollmentForm before = enrollment.toForm();
        enrollment.apply(form);
        enrollments.flush();
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("ENROLLMENT_UPDATED", ENTITY, enrollment.getId())
                .inProject(enrollment.getProjectId(), projects.get(actor, enrollment.getProjectId()).getTownId()).change(before, enrollment.toForm()));
        return enrollment;
    }

    /** The worker leaves today (the demo's history, replayed at its dates). */
    @Transactional
    public Enrollment leave(SignedInUser actor, long enrollmentId) {
        return leave(actor, enrollmentId, LocalDate.now(clock));
    }

    /**
     * 离岗: from {@code leftOn} on the worker is off the roll call and no sign-in is accepted (sign-ins
     * made earlier that day stand). The day is when the departure happened: not before the
     * enrollment, not in the future (a departure is recorded once it has happened), and not before
     * a day the worker still signed in on the project.
     */
    @Transactional
    public Enrollment leave(SignedInUser actor, long enrollmentId, LocalDate leftOn) {
        actor.require(Role.ADMIN, Role.STAFF);
        Enrollment enrollment = get(actor, enrollmentId);
        if (!enrollment.isActive()) {
            throw new BusinessRuleException("enrollment.alreadyLeft");
        }
        if (leftOn == null) {
            throw new BusinessRuleException("enrollment.leave.dateRequired");
        }
        if (leftOn.isBefore(enrollment.getEnrolledOn())) {
            throw new BusinessRuleException("enrollment.leave.beforeEnrolled", enrollment.getEnrolledOn());
        }
        if (leftOn.isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleException("enrollment.leave.future");
        }
        for (WorkedDays days : workedDays) {
            days.lastSignInDay(enrollment.getProjectId(), enrollment.getWorker().getId())
                    .filter(leftOn::isBefore)
                    .ifPresent(last -> {
                        throw new BusinessRuleException("enrollment.leave.beforeSignIn", last);
                    });
        }
        enrollment.leave(leftOn);
        enrollments.flush();
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("status", "LEFT");
        after.put("leftOn", leftOn.toString());
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("ENROLLMENT_LEFT", ENTITY, enrollment.getId())
                .inProject(enrollment.getProjectId(), projects.get(actor, enrollment.getProjectId()).getTownId())
                .change(Map.of("status", "ACTIVE"), after)
                .detail(enrollment.getWorker().getWorkerCode() + " " + leftOn));
        return enrollment;
    }

    /** An active worker whose accident insurance ends within {@link #INSURANCE_EXPIRY_WARNING_DAYS} days. */
    public record ExpiringInsurance(long enrollmentId, long projectId, String projectCode, String projectName,
            long workerId, String workerCode, String workerName, LocalDate insuranceTo) {

        public long daysLeft(LocalDate today) {
            return java.time.temporal.ChronoUnit.DAYS.between(today, insuranceTo);
        }
    }

    /** The first {@code limit} of them (soonest first) and how many there are in all. */
    public record ExpiringInsuranceList(List<ExpiringInsurance> items, long total) {

        public boolean empty() {
            return items.isEmpty();
        }
    }

    /**
     * 意外险即将到期: active workers of projects that are recruiting, being built or operated whose
     * insurance ends from today to {@link #INSURANCE_EXPIRY_WARNING_DAYS} days on, in the viewer's
     * town (the county level sees every town), soonest first. One statement, however many there are.
     */
    @Transactional(readOnly = true)
    public ExpiringInsuranceList expiringInsurance(SignedInUser viewer, int limit) {
        return expiringInsurance(viewer, null, limit);
    }

    /** The same for one project (its page). */
    @Transactional(readOnly = true)
    public ExpiringInsuranceList expiringInsuranceOf(SignedInUser viewer, long projectId, int limit) {
        projects.get(viewer, projectId);
        return expiringInsurance(viewer, projectId, limit);
    }

    private ExpiringInsuranceList expiringInsurance(SignedInUser viewer, Long projectId, int limit) {
        LocalDate today = LocalDate.now(clock);
        long[] total = new long[1];
        List<ExpiringInsurance> items = jdbc.query("""
                select e.id, p.id, p.code, p.name, w.id, w.worker_code, w.name, e.insurance_to,
                       count(*) over () as total
                from enrollment e
                join project_name p on p.id = e.project_id
                join worker w on w.id = e.worker_id
                where e.status = ? and e.insurance_to between ? and ?
                  and p.status in (?, ?, ?) and (? or p.town_id = ?) and (? or p.id = ?)
                order by e.insurance_to, p.code, w.name, e.id
                limit ?
                """, (rs, i) -> {
                    total[0] = rs.getLong("total");
                    return new ExpiringInsurance(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate());
                }, EnrollmentStatus.ACTIVE.name(), java.sql.Date.valueOf(today),
                java.sql.Date.valueOf(today.plusDays(INSURANCE_EXPIRY_WARNING_DAYS)),
                ProjectStatus.RECRUITING.name(), ProjectStatus.UNDER_CONSTRUCTION.name(), ProjectStatus.OPERATING.name(),
                viewer.townId() == null, viewer.townId() == null ? 0L : viewer.townId(),
                projectId == null, projectId == null ? 0L : projectId, limit);
        return new ExpiringInsuranceList(items, total[0]);
    }

    @Transactional(readOnly = true)
    public Enrollment get(SignedInUser viewer, long enrollmentId) {
        Enrollment enrollment = enrollments.findById(enrollmentId)
                .orElseThrow(() -> new NotFoundException(ENTITY, enrollmentId));
        projects.get(viewer, enrollment.getProjectId());
        enrollment.getWorker().getName();
        return enrollment;
    }

    @Transactional(readOnly = true)
    public EnrollmentForm formOf(SignedInUser viewer, long enrollmentId) {
        return get(viewer, enrollmentId).toForm();
    }

    @Transactional(readOnly = true)
    public Page<Enrollment> roster(SignedInUser viewer, long projectId, RosterFilter filter, Pageable pageable) {
        projects.get(viewer, projectId);
        LocalDate today = LocalDate.now(clock);
        String query = filter.query() == null ? "" : filter.query().trim();
        boolean byHash = filter.idHash() != null && !filter.idHash().isBlank();
        return enrollments.roster(projectId, filter.teamId(), filter.status(), today,
                filter.insuranceExpiring(), today.plusDays(INSURANCE_EXPIRY_WARNING_DAYS), filter.noContract(),
                byHash ? WorkerService.MATCH_NO_TEXT : query, byHash ? filter.idHash() : workers.idHashOf(query),
                filter.groupCode() == null ? "" : filter.groupCode(), pageable);
    }

    /** The whole roster of a project, for the export. */
    @Transactional(readOnly = true)
    public List<Enrollment> wholeRoster(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return enrollments.wholeRoster(projectId);
    }

    /** The whole roster of a project as the attendance sheets read it (every enrollment, by team and name). */
    @Transactional(readOnly = true)
    public List<RosterMember> rosterMembers(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return enrollments.rosterMembers(projectId);
    }

    @Transactional(readOnly = true)
    public List<Enrollment> enrollmentsOf(SignedInUser viewer, long workerId) {
        workers.get(viewer, workerId);
        List<Enrollment> all = enrollments.findByWorker(workerId);
        // the projects of other towns are left out, all looked up in one query
        Set<Long> visible = projects.visibleIds(viewer, all.stream().map(Enrollment::getProjectId).distinct().toList());
        return all.stream().filter(e -> visible.contains(e.getProjectId())).toList();
    }

    /**
     * 本人查询: all of a worker's own enrollments (every project, every town), for the worker's
     * self-service session; the caller passes only the session's worker.
     */
    @Transactional(readOnly = true)
    public List<Enrollment> ownEnrollments(long workerId) {
        return enrollments.findByWorker(workerId);
    }

    /** Active head-count of a project by recruitment source (every source present, zero if none). */
    @Transactional(readOnly = true)
    public Map<RecruitmentSource, Long> headCountBySource(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        Map<RecruitmentSource, Long> counts = new EnumMap<>(RecruitmentSource.class);
        for (RecruitmentSource source : RecruitmentSource.values()) {
            counts.put(source, 0L);
        }
        for (Object[] row : enrollments.countActiveBySource(projectId)) {
            counts.put((RecruitmentSource) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Transactional(readOnly = true)
    public Map<Long, Long> headCountByTeam(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : enrollments.countActiveByTeam(projectId)) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Appoints a team leader, who must be actively enrolled on the team's project. */
    @Transactional
    public void appointTeamLeader(SignedInUser actor, long teamId, long enrollmentId) {
        WorkTeam team = teams.get(actor, teamId);
        Enrollment enrollment = get(actor, enrollmentId);
        if (!enrollment.getProjectId().equals(team.getProjectId()) || !enrollment.isActive()) {
            throw new BusinessRuleException("team.leader.notEnrolled");
        }
        teams.appointLeader(actor, teamId, enrollment.getWorker().getId());
    }

    // --- for attendance: no viewer, the caller (a device or a checked roll call) has its project ---------

    /** A worker's enrollment on a project (the active one first), for the roll call and the worker's month. */
    @Transactional(readOnly = true)
    public java.util.Optional<Enrollment> onProjectByWorkerId(long projectId, long workerId) {
        return enrollments.findOnProjectByWorkerId(projectId, workerId).stream().findFirst();
    }

    /**
     * How a sign-in names its worker (worker code, worker id or ID number), as a predicate on {@code worker w}
     * and its value: the attendance module reads the project, the worker and the day in one query with it.
     */
    public record SignInKey(String predicate, Object value) {
    }

    public SignInKey signInKey(String workerCode, Long workerId, String idNumber) {
        if (workerId != null) {
            return new SignInKey("w.id = ?", workerId);
        }
        if (workerCode != null && !workerCode.isBlank()) {
            return new SignInKey("w.worker_code = ?", workerCode.trim().toUpperCase());
        }
        return new SignInKey("w.id_number_hash = ?", workers.idHashOf(idNumber));
    }

    /** Active members of a team, by name, for the roll call. */
    @Transactional(readOnly = true)
    public List<Enrollment> activeMembers(SignedInUser viewer, long projectId, long teamId) {
        projects.get(viewer, projectId);
        return enrollments.activeMembers(projectId, teamId);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private void requireTeamOf(SignedInUser viewer, long projectId, Long teamId) {
        WorkTeam team = teams.get(viewer, teamId);
        if (!team.getProjectId().equals(projectId)) {
            throw new BusinessRuleException("enrollment.team.otherProject");
        }
    }
}
