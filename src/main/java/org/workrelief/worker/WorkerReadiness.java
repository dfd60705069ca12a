package org.workrelief.worker;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.workrelief.project.ConstructionReadiness;
import org.workrelief.team.TeamService;

/** Tells the project module whether it has a team and a worker ready to start construction. */
@Component
class WorkerReadiness implements ConstructionReadiness {

    private final TeamService teams;
    private final EnrollmentRepository enrollments;

    WorkerReadiness(TeamService teams, EnrollmentRepository enrollments) {
        this.teams = teams;
        this.enrollments = enrollments;
    }

    @Override
    public long teams(long projectId) {
        return teams.countTeams(projectId);
    }

    @Override
    public long readyWorkers(long projectId, LocalDate day) {
        return enrollments.countReady(projectId, day);
    }
}
