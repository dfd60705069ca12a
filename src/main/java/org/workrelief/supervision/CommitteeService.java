package org.workrelief.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
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
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;

/** Who sits on a project's supervision committee. Administrators appoint supervisors of the project's town. */
@Service
public class CommitteeService {

    static final String ENTITY = "CommitteeMember";

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final AccountService accounts;
    private final AuditLog auditLog;
    private final Clock clock;

    CommitteeService(JdbcTemplate jdbc, ProjectService projects, AccountService accounts, AuditLog auditLog, Clock clock) {
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
        return jdbc.query("""
                select m.*, u.username, u.display_name from committee_member m join app_user u on u.id = m.user_id
                where m.project_id = ? and (m.active or not ?) order by m.active desc, m.id
                """, CommitteeService::toMember, projectId, activeOnly);
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
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.update("""
                insert into committee_member (project_id, user_id, kind, active, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, true, ?, ?, ?, ?)
                on conflict (project_id, user_id) do update set kind = excluded.kind, active = true,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = committee_member.version + 1
                where not committee_member.active
                """, projectId, userId, kind.name(), now, actor.getUsername(), now, actor.getUsername());
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
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                update committee_member set active = false, version = version + 1, updated_at = ?, updated_by = ?
                where id = ?
                """, now, actor.getUsername(), memberId);
        int dropped = jdbc.update("""
                delete from duty_assignment d where d.member_id = ? and d.duty_date >= ?
                  and not exists (select 1 from daily_review r where r.project_id = d.project_id
                                  and r.review_date = d.duty_date and r.status = 'APPROVED')
                """, memberId, Date.valueOf(LocalDate.now(clock)));
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("COMMITTEE_MEMBER_REMOVED", ENTITY, memberId)
                .inProject(projectId, project.getTownId())
                .change(Map.of("user", member.username(), "active", true), Map.of("user", member.username(), "active", false))
                .detail("duties dropped: " + dropped));
    }

    Project adminProject(SignedInUser actor, long projectId) {
        actor.require(Role.ADMIN);
        return projects.get(actor, projectId);
    }

    static CommitteeMember toMember(ResultSet rs, int row) throws SQLException {
        return new CommitteeMember(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("user_id"),
                rs.getString("username"), rs.getString("display_name"), MemberKind.valueOf(rs.getString("kind")),
                rs.getBoolean("active"), rs.getLong("version"));
    }
}
