package org.workrelief.support;

import java.time.LocalDate;

import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.project.ProjectStatus;
import org.workrelief.team.WorkTeam;
import org.workrelief.worker.Enrollment;
import org.workrelief.worker.Worker;

/**
 * A project under construction in a new town with one team and one ready worker (contract signed,
 * insured from 10 days before {@code today} to 30 days after), for attendance tests.
 */
public record ActiveProject(Town town, SignedInUser admin, SignedInUser staff, Project project, WorkTeam team,
        Worker worker, Enrollment enrollment) {

    public static ActiveProject create(AccountService accounts, ProjectService projects, RegistryFixtures registry,
            LocalDate today) {
        Fixtures fixtures = new Fixtures(accounts);
        Town town = fixtures.town();
        SignedInUser admin = Principals.of(fixtures.user(Role.ADMIN, town));
        SignedInUser staff = Principals.of(fixtures.user(Role.STAFF, town));
        Project project = registry.project(admin, town);
        WorkTeam team = registry.team(admin, project, "开挖组");
        Worker worker = registry.worker(staff, town);
        Enrollment enrollment = registry.enroll(staff, project, team, worker, today.minusDays(10), today.plusDays(30));
        projects.advance(admin, project.getId(), ProjectStatus.RECRUITING);
        projects.advance(admin, project.getId(), ProjectStatus.UNDER_CONSTRUCTION);
        return new ActiveProject(town, admin, staff, project, team, worker, enrollment);
    }

    /** Another worker on the same team, enrolled with the given insurance period (null: no paperwork). */
    public Worker addWorker(RegistryFixtures registry, LocalDate insuredFrom, LocalDate insuredTo) {
        Worker other = registry.worker(staff, town);
        if (insuredFrom == null) {
            registry.enrollWithoutPaperwork(staff, project, team, other, insuredTo);
        }
        else {
            registry.enroll(staff, project, team, other, insuredFrom, insuredTo);
        }
        return other;
    }
}
