package org.workrelief.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.common.NotFoundException;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.team.WorkTeam;
import org.workrelief.worker.Worker;

@IntegrationTest
class ProjectIntegrationTests {

    @Autowired
    ProjectService projects;

    @Autowired
    AccountService accounts;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    MutableClock clock;

    Town town;
    SignedInUser admin;
    SignedInUser staff;

    @BeforeEach
    void setUp() {
        clock.reset();
        Fixtures fixtures = new Fixtures(accounts);
        town = fixtures.town();
        admin = Principals.of(fixtures.user(Role.ADMIN, town));
        staff = Principals.of(fixtures.user(Role.STAFF, town));
    }

    @Test
    void anInvalidCreditCodeIsRefused() {
        ProjectForm form = withCreditCode(RegistryFixtures.projectForm(town), "91370285MA3CXKQ2L0");
        assertThatThrownBy(() -> projects.create(admin, form)).hasMessageContaining("project.entity.creditCode.invalid");
    }

    @Test
    void aDirectContractNeedsTheCouncilResolutionAndTownApproval() {
        ProjectForm f = RegistryFixtures.projectForm(town);
        ProjectForm noResolution = new ProjectForm(f.code(), f.name(), f.townId(), f.villages(), f.location(), null, null,
                null, f.entityName(), f.entityKind(), f.entityCreditCode(), ContractingMode.DIRECT, null, "", "",
                f.centralFunds(), f.localFunds(), f.socialCapital(), f.plannedRemuneration(), f.plannedWorkers(),
                f.plannedTrainees(), f.incomeTargetPerWorker(), f.startDate(), f.plannedCompletion(), null, 0);
        assertThatThrownBy(() -> projects.create(admin, noResolution)).hasMessageContaining("project.direct.needsResolution");

        ProjectForm tender = new ProjectForm(f.code(), f.name(), f.townId(), f.villages(), f.location(), null, null, null,
                f.entityName(), f.entityKind(), f.entityCreditCode(), ContractingMode.TENDER, null, "", "",
                f.centralFunds(), f.localFunds(), f.socialCapital(), f.plannedRemuneration(), f.plannedWorkers(),
                f.plannedTrainees(), f.incomeTargetPerWorker(), f.startDate(), f.plannedCompletion(), null, 0);
        assertThat(projects.create(admin, tender).getContractingMode()).isEqualTo(ContractingMode.TENDER);
    }

    @Test
    void theRemunerationShareIsPlannedRemunerationOverCentralFundsWarnedBelowThirtyPercent() {
        Project project = registry.project(admin, town);
        assertThat(project.remunerationSharePercent()).isEqualByComparingTo("40.3");
        assertThat(projects.isShareBelowThreshold(project)).isFalse();

        ProjectForm f = projects.formOf(admin, project.getId());
        Project low = projects.update(admin, project.getId(), new ProjectForm(f.code(), f.name(), f.townId(), f.villages(),
                f.location(), null, null, null, f.entityName(), f.entityKind(), f.entityCreditCode(), f.contractingMode(),
                f.councilResolutionDate(), f.councilResolutionRef(), f.townApprovalRef(), new BigDecimal("6000000.00"),
                f.localFunds(), f.socialCapital(), f.plannedRemuneration(), f.plannedWorkers(), f.plannedTrainees(),
                f.incomeTargetPerWorker(), f.startDate(), f.plannedCompletion(), null, f.version()));
        assertThat(low.remunerationSharePercent()).isEqualByComparingTo("26.8");
        assertThat(projects.isShareBelowThreshold(low)).isTrue();
    }

    @Test
    void statusMovesOnlyOneStepForward() {
        Project project = registry.project(admin, town);
        assertThatThrownBy(() -> projects.advance(admin, project.getId(), ProjectStatus.UNDER_CONSTRUCTION))
                .hasMessageContaining("project.status.notNext");
        assertThat(projects.advance(admin, project.getId(), ProjectStatus.RECRUITING).getStatus())
                .isEqualTo(ProjectStatus.RECRUITING);
        assertThatThrownBy(() -> projects.advance(admin, project.getId(), ProjectStatus.PLANNED))
                .hasMessageContaining("project.status.notNext");
    }

    @Test
    void constructionNeedsATeamAndAContractedInsuredWorker() {
        Project project = registry.project(admin, town);
        projects.advance(admin, project.getId(), ProjectStatus.RECRUITING);
        assertThatThrownBy(() -> projects.advance(admin, project.getId(), ProjectStatus.UNDER_CONSTRUCTION))
                .hasMessageContaining("project.status.needsTeam");

        WorkTeam team = registry.team(admin, project, "开挖组");
        Worker unpapered = registry.worker(staff, town);
        registry.enrollWithoutPaperwork(staff, project, team, unpapered, LocalDate.now(clock));
        Worker expired = registry.worker(staff, town);
        registry.enroll(staff, project, team, expired, LocalDate.now(clock).minusDays(30), LocalDate.now(clock).minusDays(1));
        assertThatThrownBy(() -> projects.advance(admin, project.getId(), ProjectStatus.UNDER_CONSTRUCTION))
                .hasMessageContaining("project.status.needsReadyWorker");

        Worker ready = registry.worker(staff, town);
        registry.enroll(staff, project, team, ready, LocalDate.now(clock), LocalDate.now(clock).plusDays(90));
        assertThat(projects.advance(admin, project.getId(), ProjectStatus.UNDER_CONSTRUCTION).getStatus())
                .isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
        assertThatThrownBy(() -> projects.advance(admin, project.getId(), ProjectStatus.COMPLETED))
                .hasMessageContaining("project.status.needsActualCompletion");
    }

    @Test
    void anotherTownsProjectIsNotFoundAndNotListed() {
        Fixtures fixtures = new Fixtures(accounts);
        Town other = fixtures.town();
        Project theirs = registry.project(Principals.of(fixtures.user(Role.ADMIN, other)), other);
        registry.project(admin, town);
        assertThatThrownBy(() -> projects.get(admin, theirs.getId())).isInstanceOf(NotFoundException.class);
        assertThat(projects.search(admin, "", null, PageRequest.of(0, 100)).getContent())
                .extracting(Project::getTownId).containsOnly(town.getId());
        assertThatThrownBy(() -> projects.create(admin, RegistryFixtures.projectForm(other)))
                .hasMessageContaining("project.town.notYours");
    }

    @Test
    void aProjectStaysInItsTown() {
        Fixtures fixtures = new Fixtures(accounts);
        Town other = fixtures.town();
        SignedInUser county = Principals.of(fixtures.user(Role.ADMIN, null));
        Project project = registry.project(admin, town);
        ProjectForm f = projects.formOf(county, project.getId());
        assertThatThrownBy(() -> projects.update(county, project.getId(), new ProjectForm(f.code(), f.name(), other.getId(),
                f.villages(), f.location(), null, null, null, f.entityName(), f.entityKind(), f.entityCreditCode(),
                f.contractingMode(), f.councilResolutionDate(), f.councilResolutionRef(), f.townApprovalRef(),
                f.centralFunds(), f.localFunds(), f.socialCapital(), f.plannedRemuneration(), f.plannedWorkers(),
                f.plannedTrainees(), f.incomeTargetPerWorker(), f.startDate(), f.plannedCompletion(), null, f.version())))
                .hasMessageContaining("project.town.fixed");
    }

    @Test
    void onlyAdministratorsCreateProjects() {
        assertThatThrownBy(() -> projects.create(staff, RegistryFixtures.projectForm(town)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void projectCodesAreUnique() {
        Project first = registry.project(admin, town);
        ProjectForm f = RegistryFixtures.projectForm(town);
        ProjectForm sameCode = new ProjectForm(first.getCode().toLowerCase(), f.name(), f.townId(), f.villages(),
                f.location(), null, null, null, f.entityName(), f.entityKind(), f.entityCreditCode(), f.contractingMode(),
                f.councilResolutionDate(), f.councilResolutionRef(), f.townApprovalRef(), f.centralFunds(), f.localFunds(),
                f.socialCapital(), f.plannedRemuneration(), f.plannedWorkers(), f.plannedTrainees(),
                f.incomeTargetPerWorker(), f.startDate(), f.plannedCompletion(), null, 0);
        assertThatThrownBy(() -> projects.create(admin, sameCode)).hasMessageContaining("project.code.taken");
    }

    private static ProjectForm withCreditCode(ProjectForm f, String code) {
        return new ProjectForm(f.code(), f.name(), f.townId(), f.villages(), f.location(), null, null, null, f.entityName(),
                f.entityKind(), code, f.contractingMode(), f.councilResolutionDate(), f.councilResolutionRef(),
                f.townApprovalRef(), f.centralFunds(), f.localFunds(), f.socialCapital(), f.plannedRemuneration(),
                f.plannedWorkers(), f.plannedTrainees(), f.incomeTargetPerWorker(), f.startDate(), f.plannedCompletion(),
                null, 0);
    }
}
