package org.workrelief.team;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
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

/** Use cases on work teams; access follows the team's project. Administrators and staff keep teams. */
@Service
public class TeamService {

    static final String ENTITY = "WorkTeam";

    private final WorkTeamRepository teams;
    private final ProjectService projects;
    private final AuditLog auditLog;
    private final BigDecimal maxDayRate;

    TeamService(WorkTeamRepository teams, ProjectService projects, AuditLog auditLog,
            @Value("${workrelief.team.max-day-rate:1000}") BigDecimal maxDayRate) {
        this.teams = teams;
        this.projects = projects;
        this.auditLog = auditLog;
        this.maxDayRate = maxDayRate;
    }

    @Transactional(readOnly = true)
    public List<WorkTeam> teamsOf(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return teams.findByProjectIdOrderById(projectId);
    }

    @Transactional(readOnly = true)
    public WorkTeam get(SignedInUser viewer, long teamId) {
        WorkTeam team = teams.findById(teamId).orElseThrow(() -> new NotFoundException(ENTITY, teamId));
        projects.get(viewer, team.getProjectId());
        return team;
    }

    /** Teams of a project without an access check, for other modules that already checked it. */
    @Transactional(readOnly = true)
    public List<WorkTeam> teamsOfProject(long projectId) {
        return teams.findByProjectIdOrderById(projectId);
    }

    @Transactional(readOnly = true)
    public long countTeams(long projectId) {
        return teams.countByProjectId(projectId);
    }

    @Transactional
    public WorkTeam create(SignedInUser actor, long projectId, TeamForm form) {
        Project project = projectKeptBy(actor, projectId);
        if (teams.existsByProjectIdAndName(projectId, form.name().trim())) {
            throw new BusinessRuleException("team.name.taken", form.name().trim());
        }
        WorkTeam team = teams.save(new WorkTeam(projectId, form, maxDayRate));
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("TEAM_CREATED", ENTITY, team.getId())
                .inProject(project.getId(), project.getTownId()).change(null, team.toForm()));
        return team;
    }

    /** Adds one of the usual teams at the given day rate; a preset already present is refused. */
    @Transactional
    public WorkTeam createPreset(SignedInUser actor, long projectId, TeamPreset preset, BigDecimal dayRate) {
        return create(actor, projectId, new TeamForm(preset.teamName(), preset.skillType(), dayRate, null, 0));
    }

    @Transactional
    public WorkTeam update(SignedInUser actor, long teamId, TeamForm form) {
        WorkTeam team = get(actor, teamId);
        Project project = projectKeptBy(actor, team.getProjectId());
        if (team.getVersion() != form.version()) {
            throw new ObjectOptimisticLockingFailureException(WorkTeam.class, teamId);
        }
        if (teams.existsByProjectIdAndNameAndIdNot(team.getProjectId(), form.name().trim(), teamId)) {
            throw new BusinessRuleException("team.name.taken", form.name().trim());
        }
        TeamForm before = team.toForm();
        team.apply(form, maxDayRate);
        teams.flush();
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("TEAM_UPDATED", ENTITY, team.getId())
                .inProject(project.getId(), project.getTownId()).change(before, team.toForm()));
        return team;
    }

    /** Records the team's leader; the worker module checks that the worker is enrolled on the project. */
    @Transactional
    public void appointLeader(SignedInUser actor, long teamId, Long workerId) {
        WorkTeam team = get(actor, teamId);
        Project project = projectKeptBy(actor, team.getProjectId());
        Long before = team.getLeaderWorkerId();
        team.appointLeader(workerId);
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("TEAM_LEADER_APPOINTED", ENTITY, team.getId())
                .inProject(project.getId(), project.getTownId()).change(mapOf(before), mapOf(workerId)));
    }

    public BigDecimal maxDayRate() {
        return maxDayRate;
    }

    private Project projectKeptBy(SignedInUser actor, long projectId) {
        actor.require(Role.ADMIN, Role.STAFF);
        return projects.get(actor, projectId);
    }

    private static Map<String, Object> mapOf(Long workerId) {
        return workerId == null ? Map.of() : Map.of("leaderWorkerId", workerId);
    }
}
