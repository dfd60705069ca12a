package org.workrelief.project.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.project.Project;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestNumbers;
import org.workrelief.worker.Worker;

/** The registry's screens: town scoping by URL, roles, validation on the form, import errors, masked lists. */
@IntegrationTest
class RegistryControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    RegistryFixtures registry;

    Town town;
    Town other;
    SignedInUser admin;
    SignedInUser staff;
    SignedInUser otherAdmin;
    Project project;

    @BeforeEach
    void setUp() {
        Fixtures fixtures = new Fixtures(accounts);
        town = fixtures.town();
        other = fixtures.town();
        admin = Principals.of(fixtures.user(Role.ADMIN, town));
        staff = Principals.of(fixtures.user(Role.STAFF, town));
        otherAdmin = Principals.of(fixtures.user(Role.ADMIN, other));
        project = registry.project(admin, town);
    }

    @Test
    void anotherTownsProjectIsNotReachableByUrl() throws Exception {
        mvc.perform(get("/projects/{id}", project.getId()).with(user(otherAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/{id}/roster", project.getId()).with(user(otherAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/{id}/roster.xlsx", project.getId()).with(user(otherAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/{id}/registry-panel", project.getId()).with(user(otherAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/projects").with(user(otherAdmin))).andExpect(content().string(not(containsString(project.getCode()))));
        mvc.perform(get("/projects/{id}", project.getId()).with(user(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString(project.getName())));
    }

    @Test
    void projectStaffMayNotCreateProjects() throws Exception {
        mvc.perform(post("/projects/new").with(user(staff)).with(csrf()).param("code", "X-1")).andExpect(status().isForbidden());
    }

    @Test
    void everyFieldOfTheProjectFormIsRenderedOnce() throws Exception {
        String html = mvc.perform(get("/projects/new").with(user(admin))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:input|select)[^>]* name=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            if (!m.group(1).equals("_csrf")) {
                names.add(m.group(1));
            }
        }
        org.assertj.core.api.Assertions.assertThat(names).contains("code", "centralFunds", "councilResolutionDate")
                .doesNotHaveDuplicates();
    }

    @Test
    void theProjectFormShowsItsErrorsInChinese() throws Exception {
        mvc.perform(post("/projects/new").with(user(admin)).with(csrf())
                        .param("code", Fixtures.unique("P")).param("name", "新项目").param("townId", town.getId().toString())
                        .param("villages", "前埠村").param("entityName", "公司").param("entityKind", "OTHER")
                        .param("entityCreditCode", "91370285MA3CXKQ2L0").param("contractingMode", "TENDER")
                        .param("centralFunds", "100.005").param("localFunds", "0").param("socialCapital", "0")
                        .param("plannedRemuneration", "50").param("plannedWorkers", "10").param("plannedTrainees", "0").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("金额最多两位小数")));
        // a value that is not a number at all cannot even be bound: the form says so
        mvc.perform(post("/projects/new").with(user(admin)).with(csrf())
                        .param("code", Fixtures.unique("P")).param("name", "新项目").param("townId", town.getId().toString())
                        .param("villages", "前埠村").param("entityName", "公司").param("entityKind", "OTHER")
                        .param("entityCreditCode", RegistryFixtures.CREDIT_CODE).param("contractingMode", "TENDER")
                        .param("centralFunds", "100").param("localFunds", "0").param("socialCapital", "0")
                        .param("plannedRemuneration", "abc").param("plannedWorkers", "10").param("plannedTrainees", "0").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请输入数字")));
        mvc.perform(post("/projects/new").with(user(admin)).with(csrf())
                        .param("code", Fixtures.unique("P")).param("name", "新项目").param("townId", town.getId().toString())
                        .param("villages", "前埠村").param("entityName", "公司").param("entityKind", "OTHER")
                        .param("entityCreditCode", "91370285MA3CXKQ2L0").param("contractingMode", "TENDER")
                        .param("centralFunds", "100").param("localFunds", "0").param("socialCapital", "0")
                        .param("plannedRemuneration", "50").param("plannedWorkers", "10").param("plannedTrainees", "0").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("统一社会信用代码不正确")));
    }

    @Test
    void registeringAWorkerFromAProjectLeadsToTheEnrollmentForm() throws Exception {
        String id = TestNumbers.idNumber();
        mvc.perform(post("/workers/new").param("projectId", project.getId().toString()).with(user(staff)).with(csrf())
                        .param("townId", town.getId().toString()).param("name", "王小明").param("idNumber", id)
                        .param("village", "前埠村").param("householdStatus", "ORDINARY").param("version", "0"))
                .andExpect(redirectedUrlPattern("/projects/" + project.getId() + "/enrollments/new?workerId=*"));
        // the list shows the masked number (the search box echoes only what the user typed)
        mvc.perform(get("/workers").param("q", id).with(user(staff)))
                .andExpect(content().string(containsString("<td class=\"font-monospace\">" + id.substring(0, 6) + "********"
                        + id.substring(14) + "</td>")))
                .andExpect(content().string(not(containsString("<td class=\"font-monospace\">" + id))));
    }

    @Test
    void searchingByIdNumberNeverPutsTheNumberInALink() throws Exception {
        Worker worker = registry.worker(staff, town);
        String id = org.workrelief.support.TestNumbers.idNumber();
        registry.enroll(staff, project, registry.team(admin, project, "搜索组"),
                workersService.register(staff, RegistryFixtures.workerForm(town, id)).worker(), java.time.LocalDate.of(2025, 6, 1),
                java.time.LocalDate.of(2025, 9, 1));
        String location = mvc.perform(post("/workers").param("q", id).with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        org.assertj.core.api.Assertions.assertThat(location).contains("idh=").doesNotContain(id);
        mvc.perform(get(location).with(user(staff)))
                .andExpect(content().string(containsString(id.substring(0, 6) + "********" + id.substring(14))))
                .andExpect(content().string(not(containsString(id))))
                .andExpect(content().string(not(containsString(worker.getWorkerCode()))));
        String rosterLocation = mvc.perform(post("/projects/{p}/roster", project.getId()).param("q", id)
                        .with(user(staff)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        org.assertj.core.api.Assertions.assertThat(rosterLocation).contains("idh=").doesNotContain(id);
        mvc.perform(get(rosterLocation).with(user(staff)))
                .andExpect(content().string(containsString(id.substring(0, 6) + "********" + id.substring(14))));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.workrelief.worker.WorkerService workersService;

    @Test
    void aBadIdNumberIsShownOnTheRegistrationForm() throws Exception {
        mvc.perform(post("/workers/new").with(user(staff)).with(csrf())
                        .param("townId", town.getId().toString()).param("name", "王小明")
                        .param("idNumber", TestNumbers.withWrongCheck(TestNumbers.idNumber()))
                        .param("village", "前埠村").param("householdStatus", "ORDINARY").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("身份证号校验位不正确")));
    }

    @Test
    void theImportPageListsRowErrors() throws Exception {
        registry.team(admin, project, "开挖组");
        String csv = "姓名,身份证号,村,班组\n张三," + TestNumbers.withWrongCheck(TestNumbers.idNumber()) + ",前埠村,开挖组\n";
        mvc.perform(multipart("/projects/{id}/roster/import", project.getId())
                        .file(new MockMultipartFile("file", "r.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(user(staff)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未导入任何数据")))
                .andExpect(content().string(containsString("身份证号校验位不正确")));
    }

    @Test
    void aTeamLeaderIsAppointedFromTheRosterAndShownWithTheTeam() throws Exception {
        var team = registry.team(admin, project, "筑坝组");
        Worker worker = registry.worker(staff, town);
        var enrollment = registry.enroll(staff, project, team, worker, java.time.LocalDate.of(2025, 6, 1),
                java.time.LocalDate.of(2025, 9, 1));
        mvc.perform(post("/teams/{t}/leader", team.getId()).param("enrollmentId", enrollment.getId().toString())
                        .with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/projects/{p}/registry-panel", project.getId()).with(user(staff)))
                .andExpect(content().string(containsString("<td>" + worker.getName() + "</td>")));
    }

    @Test
    void theRosterExportIsAnExcelFile() throws Exception {
        mvc.perform(get("/projects/{id}/roster.xlsx", project.getId()).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")));
    }

    @Test
    void aWorkerCardCarriesTheWorkerCodeAsQrButNotTheIdNumber() throws Exception {
        Worker worker = registry.worker(staff, town);
        mvc.perform(get("/workers/{id}/card", worker.getId()).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString(worker.getWorkerCode())));
        mvc.perform(get("/workers/{id}/card", worker.getId()).with(user(otherAdmin))).andExpect(status().isNotFound());
    }
}
