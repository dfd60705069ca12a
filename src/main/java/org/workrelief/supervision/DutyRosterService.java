package org.workrelief.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.db.RowStamp;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;

/**
 * 监督值班表: who of the committee is on duty on which day. Only a member on duty may open and
 * approve that day's review (rule 6). Days whose review is under way or approved keep their duty.
 * The roster is arranged from today on: a day that has passed decides who may review it, so it is
 * arranged or changed afterwards only by an administrator with a written reason, kept in the audit log.
 */
@Service
public class DutyRosterService {

    static final String ENTITY = "DutyRoster";
    static final int MAX_DAYS = 366;
    static final int MAX_PER_DAY = 10;
    static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final CommitteeService committee;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int defaultPerDay;

    DutyRosterService(JdbcClient jdbc, ProjectService projects, CommitteeService committee, AuditLog auditLog,
            Clock clock, @Value("${workrelief.supervision.members-per-day:2}") int defaultPerDay) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.committee = committee;
        this.auditLog = auditLog;
        this.clock = clock;
        this.defaultPerDay = defaultPerDay;
    }

    public int defaultPerDay() {
        return defaultPerDay;
    }

    /**
     * Plans the rotation from {@code from} to {@code to} with {@code perDay} members a day, replacing
     * the duties of those days, except days whose review is open or approved. Returns the days planned.
     */
    @Transactional
    public int generate(SignedInUser actor, long projectId, LocalDate from, LocalDate to, int perDay) {
        return generate(actor, projectId, from, to, perDay, null);
    }

    /**
     * As {@link #generate(SignedInUser, long, LocalDate, LocalDate, int)}; a range starting before
     * today needs {@code reason} (audited).
     */
    @Transactional
    public int generate(SignedInUser actor, long projectId, LocalDate from, LocalDate to, int perDay, String reason) {
        Project project = committee.adminProject(actor, projectId);
        if (from == null || to == null || to.isBefore(from)) {
            throw new BusinessRuleException("duty.range.invalid");
        }
        String why = pastReason(from, reason);
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new BusinessRuleException("duty.range.tooLong", MAX_DAYS);
        }
        if (perDay < 1 || perDay > MAX_PER_DAY) {
            throw new BusinessRuleException("duty.perDay.invalid", MAX_PER_DAY);
        }
        List<CommitteeMember> members = committee.membersOf(projectId, true);
        if (members.isEmpty()) {
            throw new BusinessRuleException("duty.noMembers");
        }
        Set<LocalDate> kept = reviewedDays(projectId, from, to);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!kept.contains(day)) {
                days.add(day);
            }
        }
        Map<LocalDate, List<Long>> plan = RotationPlanner.plan(
                members.stream().map(m -> new RotationPlanner.Seat(m.id(), m.kind())).toList(), days, perDay);
        for (LocalDate day : days) {
            replaceDay(actor, projectId, day, plan.get(day));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("from", from.toString());
        after.put("to", to.toString());
        after.put("perDay", perDay);
        after.put("days", days.size());
        after.put("keptDays", kept.size());
        if (why != null) {
            after.put("reason", why);
        }
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("DUTY_ROSTER_GENERATED", ENTITY, projectId)
                .inProject(projectId, project.getTownId()).change(null, after).detail(why));
        return days.size();
    }

    /** Sets who is on duty on one day (at least one present member); refused once the day is approved. */
    @Transactional
    public void setDay(SignedInUser actor, long projectId, LocalDate day, List<Long> memberIds) {
        setDay(actor, projectId, day, memberIds, null);
    }

    /** As {@link #setDay(SignedInUser, long, LocalDate, List)}; a day before today needs {@code reason} (audited). */
    @Transactional
    public void setDay(SignedInUser actor, long projectId, LocalDate day, List<Long> memberIds, String reason) {
        Project project = committee.adminProject(actor, projectId);
        String why = pastReason(day, reason);
        Set<Long> wanted = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
        if (wanted.isEmpty()) {
            throw new BusinessRuleException("duty.day.empty");
        }
        List<CommitteeMember> present = committee.membersOf(projectId, true);
        if (!present.stream().map(CommitteeMember::id).toList().containsAll(wanted)) {
            throw new BusinessRuleException("duty.day.notMember");
        }
        if (jdbc.sql("""
                select exists (select 1 from daily_review where project_id = :projectId and review_date = :day
                               and status = :approved)
                """).param("projectId", projectId).param("day", day).param("approved", ReviewStatus.APPROVED.name())
                .query(Boolean.class).single()) {
            throw new BusinessRuleException("duty.day.approved");
        }
        List<String> before = namesOn(projectId, day);
        replaceDay(actor, projectId, day, List.copyOf(wanted));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("onDuty", namesOn(projectId, day));
        if (why != null) {
            after.put("reason", why);
        }
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("DUTY_DAY_CHANGED", ENTITY, projectId + "/" + day)
                .inProject(projectId, project.getTownId()).change(Map.of("onDuty", before), after).detail(why));
    }

    /**
     * The reason for arranging duty from {@code first} on, when that is before today: required (the
     * callers are administrators only, {@link CommitteeService#adminProject}), at most 500 characters.
     * Null when the days are today or later.
     */
    private String pastReason(LocalDate first, String reason) {
        LocalDate today = LocalDate.now(clock);
        if (!first.isBefore(today)) {
            return null;
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new BusinessRuleException("duty.past.reasonRequired", today);
        }
        if (why.length() > MAX_REASON) {
            throw new BusinessRuleException("duty.reason.tooLong", MAX_REASON);
        }
        return why;
    }

    @Transactional(readOnly = true)
    public List<DutyDay> roster(SignedInUser viewer, long projectId, LocalDate from, LocalDate to) {
        projects.get(viewer, projectId);
        return rosterOf(projectId, from, to);
    }

    List<DutyDay> rosterOf(long projectId, LocalDate from, LocalDate to) {
        Map<Long, CommitteeMember> members = new HashMap<>();
        committee.membersOf(projectId, false).forEach(m -> members.put(m.id(), m));
        Map<LocalDate, List<CommitteeMember>> byDay = new HashMap<>();
        jdbc.sql("""
                select duty_date, member_id from duty_assignment
                where project_id = :projectId and duty_date between :from and :to
                order by duty_date, member_id
                """).param("projectId", projectId).param("from", from).param("to", to).query(Assignment.class).list()
                .forEach(a -> byDay.computeIfAbsent(a.dutyDate(), d -> new ArrayList<>()).add(members.get(a.memberId())));
        Map<LocalDate, ReviewStatus> reviews = new HashMap<>();
        jdbc.sql("""
                select review_date, status from daily_review
                where project_id = :projectId and review_date between :from and :to and status <> :reopened
                """).param("projectId", projectId).param("from", from).param("to", to)
                .param("reopened", ReviewStatus.REOPENED.name()).query(ReviewDay.class).list()
                .forEach(r -> reviews.put(r.reviewDate(), r.status()));
        List<DutyDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new DutyDay(day, byDay.getOrDefault(day, List.of()), reviews.get(day)));
        }
        return days;
    }

    /** A row of the roster: a member on duty on a day. */
    private record Assignment(LocalDate dutyDate, long memberId) {
    }

    /** How far a day's review has come. */
    private record ReviewDay(LocalDate reviewDate, ReviewStatus status) {
    }

    /** Whether the user is a present committee member on duty on the project that day. */
    @Transactional(readOnly = true)
    public boolean isOnDuty(long userId, long projectId, LocalDate day) {
        return jdbc.sql("""
                select exists (select 1 from duty_assignment d join committee_member m on m.id = d.member_id
                               where d.project_id = :projectId and d.duty_date = :day and m.user_id = :userId and m.active)
                """).param("projectId", projectId).param("day", day).param("userId", userId).query(Boolean.class).single();
    }

    /** A supervisor's duties in a date range, across projects: for the home page. */
    public record Duty(long projectId, String projectName, LocalDate day) {
    }

    @Transactional(readOnly = true)
    public List<Duty> dutiesOf(long userId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select d.project_id, p.name as project_name, d.duty_date as day from duty_assignment d
                join committee_member m on m.id = d.member_id join project_site p on p.id = d.project_id
                where m.user_id = :userId and m.active and d.duty_date between :from and :to order by d.duty_date, p.name
                """).param("userId", userId).param("from", from).param("to", to).query(Duty.class).list();
    }

    private void replaceDay(SignedInUser actor, long projectId, LocalDate day, List<Long> memberIds) {
        jdbc.sql("delete from duty_assignment where project_id = :projectId and duty_date = :day")
                .param("projectId", projectId).param("day", day).update();
        // one statement for the day's members, as one batch was
        RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                insert into duty_assignment (project_id, duty_date, member_id, %s)
                select :projectId, :day, member_id, %s from unnest(:memberIds) as member_id
                """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).param("projectId", projectId).param("day", day)
                .param("memberIds", new SqlArrayValue("bigint", memberIds.toArray())).update();
    }

    private List<String> namesOn(long projectId, LocalDate day) {
        return jdbc.sql("""
                select u.display_name from duty_assignment d join committee_member m on m.id = d.member_id
                join user_account_name u on u.id = m.user_id where d.project_id = :projectId and d.duty_date = :day order by m.id
                """).param("projectId", projectId).param("day", day).query(String.class).list();
    }

    /** Days whose review is open or approved: their duty stands. */
    private Set<LocalDate> reviewedDays(long projectId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select review_date from daily_review
                where project_id = :projectId and review_date between :from and :to and status <> :reopened
                """).param("projectId", projectId).param("from", from).param("to", to)
                .param("reopened", ReviewStatus.REOPENED.name()).query(LocalDate.class).set();
    }
}
