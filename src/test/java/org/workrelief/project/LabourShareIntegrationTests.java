package org.workrelief.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.dashboard.DashboardService;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.team.WorkTeam;

/**
 * 劳务报酬占比 (issue 20 §1, rule 14): each project's approved share from its approval document,
 * defaulting from the town's or the county's setting; the 2025 extra batch's 40% floor; planned and
 * paid shares judged against the floor; completion below it only with a written explanation.
 */
@IntegrationTest
class LabourShareIntegrationTests {

    @Autowired ProjectService projects;
    @Autowired AccountService accounts;
    @Autowired RegistryFixtures registry;
    @Autowired MutableClock clock;
    @Autowired DashboardService dashboards;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    Town town;
    SignedInUser admin;
    SignedInUser staff;
    SignedInUser county;

    @BeforeEach
    void setUp() {
        clock.reset();
        Fixtures fixtures = new Fixtures(accounts);
        town = fixtures.town();
        admin = Principals.of(fixtures.user(Role.ADMIN, town));
        staff = Principals.of(fixtures.user(Role.STAFF, town));
        county = Principals.of(fixtures.user(Role.ADMIN, null));
    }

    @Test
    void aProjectWithoutAnApprovedShareTakesTheTownsDefaultElseTheCountys() throws Exception {
        Project byCounty = registry.project(admin, town);
        assertThat(byCounty.getApprovedSharePercent()).isEqualByComparingTo("30");

        assertThatThrownBy(() -> projects.setTownShare(admin, town.getId(), new BigDecimal("45")))
                .hasMessageContaining("project.share.townSetting.countyOnly");
        projects.setTownShare(county, town.getId(), new BigDecimal("45"));
        Project byTown = registry.project(admin, town);
        assertThat(byTown.getApprovedSharePercent()).isEqualByComparingTo("45");
        assertThat(projects.labourShare(byTown).floorPercent()).isEqualByComparingTo("45");
        // planned 1,610,000 of 4,000,000 central funds: 40.3%, below this town's 45%
        assertThat(projects.isShareBelowThreshold(byTown)).isTrue();
        assertThat(projects.isShareBelowThreshold(byCounty)).isFalse();
        assertThat(mvc.perform(get("/projects/" + byTown.getId()).with(user(staff))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"share-warning\"", "计划占比低于要求的 45%");

        Project named = projects.create(admin, RegistryFixtures.projectForm(town)
                .withApproval("莱发改投资〔2025〕27号", LocalDate.of(2025, 1, 10), new BigDecimal("35"), FundBatchKind.REGULAR));
        assertThat(named.getApprovedSharePercent()).isEqualByComparingTo("35");
        assertThat(named.getApprovalRef()).isEqualTo("莱发改投资〔2025〕27号");
        assertThat(projects.isShareBelowThreshold(named)).isFalse();
    }

    @Test
    void theExtraBatchOf2025NeedsAtLeastFortyPercent() {
        ProjectForm form = RegistryFixtures.projectForm(town);
        assertThatThrownBy(() -> projects.create(admin, form.withApproval("批复", null, new BigDecimal("35"),
                FundBatchKind.EXTRA_2025))).hasMessageContaining("project.share.belowBatchMinimum");

        // no figure in the approval: the county's 30% is raised to the batch's 40%
        Project extra = projects.create(admin, form.withApproval("批复", null, null, FundBatchKind.EXTRA_2025));
        assertThat(projects.labourShare(extra).floorPercent()).isEqualByComparingTo("40");
        assertThat(projects.labourShare(extra).approvedPercent()).isEqualByComparingTo("30");
    }

    @Test
    void theDashboardJudgesThePlannedShareAgainstTheProjectsOwnFloor() {
        Project project = projects.create(admin, RegistryFixtures.projectForm(town)
                .withApproval("批复", null, new BigDecimal("50"), FundBatchKind.REGULAR));
        var figures = dashboards.dashboard(admin, project.getId()).figures();
        assertThat(figures.shareThresholdPercent()).isEqualByComparingTo("50");
        assertThat(figures.approvedSharePercent()).isEqualByComparingTo("50");
        assertThat(figures.plannedShareBelowThreshold()).isTrue();
        assertThat(figures.shareBelowThreshold()).isTrue();
    }

    @Test
    void completingBelowTheFloorNeedsAWrittenExplanationWhichIsKept() throws Exception {
        Project project = built();
        // nothing paid yet: 0% of the central funds against the floor of 30%
        assertThat(projects.labourShare(project).paidBelowFloor()).isTrue();
        assertThatThrownBy(() -> projects.advance(admin, project.getId(), ProjectStatus.COMPLETED, "  "))
                .hasMessageContaining("project.completion.explanationRequired");

        String page = mvc.perform(get("/projects/" + project.getId()).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"completion-form\"", "id=\"completion-explanation\"", "占中央资金 0%",
                "不低于 30");
        mvc.perform(post("/projects/" + project.getId() + "/status").param("target", "COMPLETED").with(user(admin)).with(csrf()))
                .andExpect(flash().attribute("failure", "project.completion.explanationRequired"));

        projects.advance(admin, project.getId(), ProjectStatus.COMPLETED, "机械施工比例提高，差额在管护岗位中补足");
        Project done = projects.get(admin, project.getId());
        assertThat(done.getStatus()).isEqualTo(ProjectStatus.COMPLETED);
        assertThat(done.getCompletionExplanation()).isEqualTo("机械施工比例提高，差额在管护岗位中补足");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'Project' and entity_id = ? and action = 'PROJECT_STATUS_CHANGED'"
                + " and after_state::text like '%机械施工比例提高%'", Long.class, String.valueOf(project.getId()))).isEqualTo(1L);
        page = mvc.perform(get("/projects/" + project.getId()).with(user(admin))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"paid-share-warning\"", "机械施工比例提高");
    }

    @Test
    void withoutCentralFundsThereIsNoShareToFallShortOf() {
        Project project = built();
        jdbc.update("update project set central_funds = 0 where id = ?", project.getId());
        Project reread = projects.get(admin, project.getId());
        assertThat(projects.labourShare(reread).paidPercent()).isNull();
        assertThat(projects.advance(admin, project.getId(), ProjectStatus.COMPLETED).getStatus())
                .isEqualTo(ProjectStatus.COMPLETED);
    }

    @Test
    void theProjectPageShowsApprovedPlannedAndPaidShares() throws Exception {
        Project project = projects.create(admin, RegistryFixtures.projectForm(town)
                .withApproval("莱发改投资〔2025〕27号", LocalDate.of(2025, 1, 10), new BigDecimal("40"), FundBatchKind.EXTRA_2025));
        String page = mvc.perform(get("/projects/" + project.getId()).with(user(staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"share-approved\">40%", "id=\"remuneration-share\">40.3%", "id=\"share-paid\">0.0%",
                "莱发改投资〔2025〕27号", "2025年增发批次").doesNotContain("id=\"share-warning\"");
        String form = mvc.perform(get("/projects/" + project.getId() + "/edit").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"approvalRef\"", "value=\"莱发改投资〔2025〕27号\"", "name=\"approvedSharePercent\"",
                "name=\"fundBatchKind\"", "当前为 30%");
    }

    /** A project under construction with one ready worker and its completion date entered. */
    private Project built() {
        Project project = registry.project(admin, town);
        projects.advance(admin, project.getId(), ProjectStatus.RECRUITING);
        WorkTeam team = registry.team(admin, project, "开挖组");
        registry.enroll(staff, project, team, registry.worker(staff, town), LocalDate.now(clock),
                LocalDate.now(clock).plusDays(90));
        projects.advance(admin, project.getId(), ProjectStatus.UNDER_CONSTRUCTION);
        ProjectForm f = projects.formOf(admin, project.getId());
        return projects.update(admin, project.getId(), new ProjectForm(f.code(), f.name(), f.townId(), f.villages(),
                f.location(), null, null, null, f.entityName(), f.entityKind(), f.entityCreditCode(), f.contractingMode(),
                f.councilResolutionDate(), f.councilResolutionRef(), f.townApprovalRef(), f.centralFunds(), f.localFunds(),
                f.socialCapital(), f.plannedRemuneration(), f.plannedWorkers(), f.plannedTrainees(),
                f.incomeTargetPerWorker(), f.startDate(), f.plannedCompletion(), LocalDate.now(clock), f.version()));
    }
}
