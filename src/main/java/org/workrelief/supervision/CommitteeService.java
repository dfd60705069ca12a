package org.workrelief.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.AccountService;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.UserAccount;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.db.RowStamp;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;

/** Who sits on a project's supervision committee. Administrators appoint supervisors of the project's town. */
@Service
public class CommitteeService {

    static final String ENTITY = "CommitteeMember";

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final AccountService accounts;
    private final AuditLog auditLog;
    private final Clock clock;

    CommitteeService(JdbcClient jdbc, ProjectService projects, AccountService accounts, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Every member, present ones first. */
    @Transactional(readOnly = true)
    public List<CommitteeMember> members(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return membersOf(projectId, false);
    }

    List<CommitteeMember> membersOf(long projectId, boolean activeOnly) {
        return jdbc.sql("""
                select m.id, m.project_id, m.user_id, u.username, u.display_name, m.kind, m.active, m.version
                from committee_member m join user_account_name u on u.id = m.user_id
                where m.project_id = :projectId and (m.active or not :activeOnly) order by m.active desc, m.id
                """).param("projectId", projectId).param("activeOnly", activeOnly).query(CommitteeMember.class).list();
    }

    /** Supervisors of the project's town who are not (or no longer) members. */
    @Transactional(readOnly = true)
    public List<UserAccount> candidates(SignedInUser actor, long projectId) {
        Project project = projects.get(actor, projectId);
        List<Long> present = membersOf(projectId, true).stream().map(CommitteeMember::userId).toList();
        return accounts.activeUsers(project.getTownId(), Role.SUPERVISOR).stream()
                .filter(user -> !present.contains(user.getId())).toList();
    }

    @Transactional
    public CommitteeMember add(SignedInUser actor, long projectId, long userId, MemberKind kind) {
        Project project = adminProject(actor, projectId);
        if (kind == null) {
            throw new BusinessRuleException("committee.kind.required");
        }
        boolean eligible = accounts.activeUsers(project.getTownId(), Role.SUPERVISOR).stream()
                .anyMatch(user -> user.getId() == userId);
        if (!eligible) {
            throw new BusinessRuleException("committee.member.notSupervisor");
        }
        int changed = RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                insert into committee_member (project_id, user_id, kind, active, %s)
                values (:projectId, :userId, :kind, true, %s)
                on conflict (project_id, user_id) do update set kind = excluded.kind, active = true, %s
                where not committee_member.active
                """.formatted(RowStamp.COLUMNS, RowStamp.VALUES, RowStamp.updated("committee_member"))))
                .param("projectId", projectId).param("userId", userId).param("kind", kind.name()).update();
        if (changed == 0) {
            throw new BusinessRuleException("committee.member.already");
        }
        CommitteeMember member = membersOf(projectId, true).stream().filter(m -> m.userId() == userId).findFirst()
                .orElseThrow();
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("COMMITTEE_MEMBER_ADDED", ENTITY, member.id())
                .inProject(projectId, project.getTownId())
                .change(null, Map.of("user", member.username(), "kind", kind.name())));
        return member;
    }

    /** The member leaves the committee; their duties from today on are taken off the roster. */
    @Transactional
    public void remove(SignedInUser actor, long projectId, long memberId) {
        Project project = adminProject(actor, projectId);
        CommitteeMember member = membersOf(projectId, true).stream().filter(m -> m.id() == memberId).findFirst()
                .orElseThrow(() -> new NotFoundException(ENTITY, memberId));
        RowStamp.now(clock, actor.getUsername()).on(jdbc.sql(
                "update committee_member set active = false, " + RowStamp.UPDATED + " where id = :memberId"))
                .param("memberId", memberId).update();
        int dropped = jdbc.sql("""
                delete from duty_assignment d where d.member_id = :memberId and d.duty_date >= :today
                  and not exists (select 1 from daily_review r where r.project_id = d.project_id
                                  and r.review_date = d.duty_date and r.status = :approved)
                """).param("memberId", memberId).param("today", LocalDate.now(clock))
                .param("approved", ReviewStatus.APPROVED.name()).update();
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("COMMITTEE_MEMBER_REMOVED", ENTITY, memberId)
                .inProject(projectId, project.getTownId())
                .change(Map.of("user", member.username(), "active", true), Map.of("user", member.username(), "active", false))
                .detail("duties dropped: " + dropped));
    }

    Project adminProject(SignedInUser actor, long projectId) {
        actor.require(Role.ADMIN);
        return projects.get(actor, projectId);
    }
}
