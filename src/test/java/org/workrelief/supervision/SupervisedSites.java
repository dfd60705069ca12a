package org.workrelief.supervision;

import java.time.LocalDate;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.attendance.PunchService;
import org.workrelief.project.ProjectService;
import org.workrelief.support.RegistryFixtures;

/** Makes {@link SupervisedSite}s with the application's services, so tests only say the day. */
@TestComponent
public class SupervisedSites {

    private final AccountService accounts;
    private final ProjectService projects;
    private final RegistryFixtures registry;
    private final CommitteeService committee;
    private final DutyRosterService duty;
    private final PunchService punches;
    private final JdbcTemplate jdbc;

    SupervisedSites(AccountService accounts, ProjectService projects, RegistryFixtures registry, CommitteeService committee,
            DutyRosterService duty, PunchService punches, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.projects = projects;
        this.registry = registry;
        this.committee = committee;
        this.duty = duty;
        this.punches = punches;
    }

    /** A project under construction with its committee; the cadre is on duty on {@code day}. */
    public SupervisedSite create(LocalDate day) {
        return SupervisedSite.create(accounts, projects, registry, committee, duty, punches, jdbc, day);
    }

    public RegistryFixtures registry() {
        return registry;
    }
}
