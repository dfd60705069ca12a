package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.project.Project;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.team.SkillType;
import org.workrelief.team.TeamForm;
import org.workrelief.team.TeamService;
import org.workrelief.team.WorkTeam;
import org.workrelief.worker.EnrollmentService.RosterFilter;

@IntegrationTest
class EnrollmentIntegrationTests {

    @Autowired
    EnrollmentService enrollments;

    @Autowired
    TeamService teams;

    @Autowired
    AccountService accounts;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    MutableClock clock;

    Town town;
    SignedInUser admin;
    SignedInUser staff;
    Project project;
    WorkTeam team;
    LocalDate today;

    @BeforeEach
    void setUp() {
        clock.reset();
        today = LocalDate.now(clock);
        Fixtures fixtures = new Fixtures(accounts);
        town = fixtures.town();
        admin = Principals.of(fixtures.user(Role.ADMIN, town));
        staff = Principals.of(fixtures.user(Role.STAFF, town));
        project = registry.project(admin, town);
        team = registry.team(admin, project, "开挖组");
    }

    @Test
    void aWorkerHasOneActiveEnrollmentPerProjectButMayWorkOnSeveralProjects() {
        Worker worker = registry.worker(staff, town);
        registry.enroll(staff, project, team, worker, today, today.plusDays(60));
        assertThatThrownBy(() -> registry.enroll(staff, project, team, worker, today, today.plusDays(60)))
                .hasMessageContaining("enrollment.alreadyActive");

        Project second = registry.project(admin, town);
        WorkTeam secondTeam = registry.team(admin, second, "运输组");
        assertThat(registry.enroll(staff, second, secondTeam, worker, today, today.plusDays(60)).isActive()).isTrue();
    }

    @Test
    void afterLeavingAWorkerMayBeEnrolledAgain() {
        Worker worker = registry.worker(staff, town);
        Enrollment first = registry.enroll(staff, project, team, worker, today, today.plusDays(60));
        enrollments.leave(staff, first.getId());
        assertThat(registry.enroll(staff, project, team, worker, today, today.plusDays(60)).isActive()).isTrue();
    }

    @Test
    void aWorkerOfAnotherTownCannotBeEnrolledEvenByTheCounty() {
        Fixtures fixtures = new Fixtures(accounts);
        Town other = fixtures.town();
        SignedInUser county = Principals.of(fixtures.user(Role.ADMIN, null));
        Worker stranger = registry.worker(Principals.of(fixtures.user(Role.STAFF, other)), other);
        assertThatThrownBy(() -> registry.enroll(county, project, team, stranger, today, today.plusDays(10)))
                .hasMessageContaining("enrollment.otherTown");
    }

    @Test
    void aTeamOfAnotherProjectIsRefused() {
        Project other = registry.project(admin, town);
        WorkTeam otherTeam = registry.team(admin, other, "开挖组");
        Worker worker = registry.worker(staff, town);
        assertThatThrownBy(() -> registry.enroll(staff, project, otherTeam, worker, today, today.plusDays(10)))
                .hasMessageContaining("enrollment.team.otherProject");
    }

    @Test
    void insuranceIsAllOrNothingAndEndsAfterItStarts() {
        Worker worker = registry.worker(staff, town);
        assertThatThrownBy(() -> enrollments.enroll(staff, project.getId(), worker.getId(), new EnrollmentForm(team.getId(),
                RecruitmentSource.SURVEYED, today, today, today, today.plusDays(30), "中国人寿", "", today, today.plusDays(30), 0)))
                .hasMessageContaining("enrollment.insurance.incomplete");
        assertThatThrownBy(() -> enrollments.enroll(staff, project.getId(), worker.getId(), new EnrollmentForm(team.getId(),
                RecruitmentSource.SURVEYED, today, today, today, today.plusDays(30), "中国人寿", "P1", today, today.minusDays(1), 0)))
                .hasMessageContaining("enrollment.insurance.dates");
    }

    @Test
    void whoMayWorkOnADayDependsOnContractAndInsuranceValidThatDay() {
        Worker worker = registry.worker(staff, town);
        Enrollment enrollment = registry.enroll(staff, project, team, worker, today, today.plusDays(10));
        assertThat(enrollment.eligibilityOn(today)).isEqualTo(WorkEligibility.ELIGIBLE);
        assertThat(enrollment.eligibilityOn(today.plusDays(10))).isEqualTo(WorkEligibility.ELIGIBLE);
        assertThat(enrollment.eligibilityOn(today.plusDays(11))).isNotEqualTo(WorkEligibility.ELIGIBLE);
        assertThat(enrollment.eligibilityOn(today.minusDays(1))).isNotEqualTo(WorkEligibility.ELIGIBLE);
        Enrollment unpapered = registry.enrollWithoutPaperwork(staff, project, team, registry.worker(staff, town), today);
        assertThat(unpapered.eligibilityOn(today)).isNotEqualTo(WorkEligibility.ELIGIBLE);
    }

    @Test
    void theRosterFiltersInsuranceExpiringWithinSevenDaysAndMissingContracts() {
        Worker soon = registry.worker(staff, town);
        registry.enroll(staff, project, team, soon, today.minusDays(30), today.plusDays(7));
        Worker later = registry.worker(staff, town);
        registry.enroll(staff, project, team, later, today.minusDays(30), today.plusDays(8));
        Worker none = registry.worker(staff, town);
        registry.enrollWithoutPaperwork(staff, project, team, none, today);

        assertThat(enrollments.roster(staff, project.getId(), new RosterFilter("", null, null, true, false), PageRequest.of(0, 50))
                .getContent()).extracting(e -> e.getWorker().getId()).containsExactly(soon.getId());
        assertThat(enrollments.roster(staff, project.getId(), new RosterFilter("", null, null, false, true), PageRequest.of(0, 50))
                .getContent()).extracting(e -> e.getWorker().getId()).containsExactly(none.getId());
        assertThat(enrollments.roster(staff, project.getId(), RosterFilter.none(), PageRequest.of(0, 2)).getTotalElements())
                .isEqualTo(3);
    }

    @Test
    void theRosterFindsAWorkerByExactIdNumberAndFiltersByTeam() {
        WorkTeam transport = registry.team(admin, project, "运输组");
        String id = org.workrelief.support.TestNumbers.idNumber();
        Worker wanted = enrollmentsWorker(id);
        registry.enroll(staff, project, transport, wanted, today, today.plusDays(30));
        registry.enroll(staff, project, team, registry.worker(staff, town), today, today.plusDays(30));

        assertThat(enrollments.roster(staff, project.getId(), new RosterFilter(id, null, null, false, false), PageRequest.of(0, 10))
                .getContent()).extracting(e -> e.getWorker().getId()).containsExactly(wanted.getId());
        assertThat(enrollments.roster(staff, project.getId(), new RosterFilter("", transport.getId(), null, false, false),
                PageRequest.of(0, 10)).getContent()).extracting(e -> e.getWorker().getId()).containsExactly(wanted.getId());
        assertThat(enrollments.headCountBySource(staff, project.getId())).containsEntry(RecruitmentSource.SURVEYED, 2L)
                .containsEntry(RecruitmentSource.ADDED, 0L);
    }

    @Test
    void aTeamLeaderMustBeActivelyEnrolledOnTheProject() {
        Worker outsider = registry.worker(staff, town);
        Project other = registry.project(admin, town);
        Enrollment elsewhere = registry.enroll(staff, other, registry.team(admin, other, "开挖组"), outsider, today,
                today.plusDays(30));
        assertThatThrownBy(() -> enrollments.appointTeamLeader(staff, team.getId(), elsewhere.getId()))
                .hasMessageContaining("team.leader.notEnrolled");
        Worker member = registry.worker(staff, town);
        Enrollment enrolled = registry.enroll(staff, project, team, member, today, today.plusDays(30));
        enrollments.appointTeamLeader(staff, team.getId(), enrolled.getId());
        assertThat(teams.get(staff, team.getId()).getLeaderWorkerId()).isEqualTo(member.getId());
    }

    @Test
    void aTeamsDayRateIsAboveZeroAndNotAboveTheCeiling() {
        assertThatThrownBy(() -> teams.create(admin, project.getId(),
                new TeamForm("零工资组", SkillType.OTHER, BigDecimal.ZERO, null, 0))).hasMessageContaining("team.dayRate.positive");
        assertThatThrownBy(() -> teams.create(admin, project.getId(),
                new TeamForm("高工资组", SkillType.OTHER, new BigDecimal("1000.01"), null, 0)))
                .hasMessageContaining("team.dayRate.tooHigh");
        assertThat(teams.create(admin, project.getId(), new TeamForm("封顶组", SkillType.OTHER, new BigDecimal("1000.00"),
                null, 0)).getDayRate()).isEqualByComparingTo("1000.00");
        assertThatThrownBy(() -> teams.create(admin, project.getId(),
                new TeamForm("开挖组", SkillType.OTHER, new BigDecimal("100"), null, 0))).hasMessageContaining("team.name.taken");
    }

    @Autowired
    WorkerService workers;

    private Worker enrollmentsWorker(String id) {
        return workers.register(staff, RegistryFixtures.workerForm(town, id)).worker();
    }
}
