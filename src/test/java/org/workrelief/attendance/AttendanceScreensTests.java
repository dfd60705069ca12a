package org.workrelief.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.Worker;

@IntegrationTest
class AttendanceScreensTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ProjectService projects;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    MutableClock clock;

    ActiveProject site;

    @BeforeEach
    void setUp() {
        clock.set(ZonedDateTime.of(2025, 6, 3, 7, 58, 0, 0, MutableClock.ZONE).toInstant());
        site = ActiveProject.create(accounts, projects, registry, LocalDate.of(2025, 6, 3));
    }

    @Test
    void theRollCallSignsAMemberInAndSaysWhyAnotherIsRefused() throws Exception {
        Worker uninsured = site.addWorker(registry, LocalDate.of(2025, 6, 10), LocalDate.of(2025, 7, 10));
        mvc.perform(get("/projects/{p}/rollcall", site.project().getId()).param("teamId", site.team().getId().toString())
                        .with(user(site.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(site.worker().getName())));
        mvc.perform(post("/projects/{p}/rollcall", site.project().getId()).param("workerId", site.worker().getId().toString())
                        .with(user(site.staff())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("签到成功")))
                .andExpect(content().string(containsString("07:58")));
        mvc.perform(post("/projects/{p}/rollcall", site.project().getId()).param("workerId", uninsured.getId().toString())
                        .with(user(site.staff())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("意外险不在有效期内")));
    }

    @Test
    void theDailySheetAndLedgerAreThere() throws Exception {
        mvc.perform(get("/projects/{p}/attendance", site.project().getId()).param("date", "2025-06-03").with(user(site.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("出勤 0 / 1 人")));
        mvc.perform(get("/projects/{p}/attendance/ledger.xlsx", site.project().getId()).param("month", "2025-06")
                        .with(user(site.staff())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")));
        mvc.perform(get("/projects/{p}/attendance/workers/{w}", site.project().getId(), site.worker().getId())
                        .param("month", "2025-06").with(user(site.staff())))
                .andExpect(status().isOk());
    }

    @Test
    void theAttendanceImportAsksForAnAttendanceFileNotARoster() throws Exception {
        mvc.perform(get("/projects/{p}/attendance/import", site.project().getId()).with(user(site.staff())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("考勤文件")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("花名册文件"))));
    }

    @Test
    void theDailySheetOffersADatePickerThatWorksWithoutScript() throws Exception {
        String page = mvc.perform(get("/projects/{p}/attendance", site.project().getId()).param("date", "2025-05-20")
                        .with(user(site.staff())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int form = page.indexOf("<form class=\"d-flex gap-1\" id=\"sheet-day-form\"");
        assertThat(form).as("a day picker form on the sheet").isNotNegative();
        String picker = page.substring(form, page.indexOf("</form>", form));
        assertThat(picker).contains("method=\"get\"", "action=\"/projects/" + site.project().getId() + "/attendance\"",
                "type=\"date\"", "name=\"date\"", "value=\"2025-05-20\"", "type=\"submit\"");
        // what the form submits opens that day's sheet
        mvc.perform(get("/projects/{p}/attendance?date=2025-05-28", site.project().getId()).with(user(site.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span id=\"sheet-day\">2025-05-28</span>")));
    }

    @Test
    void theDailySheetShowsEachWorkersTimesStatusWarningsAndMonthLink() throws Exception {
        mvc.perform(post("/projects/{p}/rollcall", site.project().getId()).param("workerId", site.worker().getId().toString())
                        .with(user(site.staff())).with(csrf()))
                .andExpect(status().isOk());
        String page = mvc.perform(get("/projects/{p}/attendance", site.project().getId()).param("date", "2025-06-03")
                        .with(user(site.staff())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf("<tr class=\"table-warning\">"), page.indexOf("</tr>",
                page.indexOf("<tr class=\"table-warning\">")));
        assertThat(row).contains(site.worker().getWorkerCode(), site.worker().getName(),
                "href=\"/projects/" + site.project().getId() + "/attendance/workers/" + site.worker().getId() + "?month=2025-06\"",
                "<td>07:58</td>", "<td>—</td>", "半天", "只签到一次").doesNotContain("下午签到距上午过近", "签到位置不在工地范围");
        assertThat(page).contains("出勤 1 / 1 人");
        // English screens name the status and the warning in English
        assertThat(mvc.perform(get("/projects/{p}/attendance", site.project().getId()).param("date", "2025-06-03")
                        .param("lang", "en").with(user(site.staff())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("Half day", "Signed in once").doesNotContain("半天", "只签到一次");
    }

    @Test
    void theDeviceApiIsDescribedWithOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(user(site.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/punches")))
                .andExpect(content().string(containsString("/api/v1/punches/batch")));
    }

    @Test
    void anotherTownSeesNoAttendance() throws Exception {
        ActiveProject other = ActiveProject.create(accounts, projects, registry, LocalDate.of(2025, 6, 3));
        mvc.perform(get("/projects/{p}/attendance", site.project().getId()).with(user(other.admin())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/projects/{p}/rollcall", site.project().getId()).param("workerId", site.worker().getId().toString())
                        .with(user(other.staff())).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyAdministratorsIssueDeviceTokensWhichAreShownOnce() throws Exception {
        mvc.perform(post("/projects/{p}/devices", site.project().getId()).param("name", "gate-1")
                        .with(user(site.staff())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/projects/{p}/devices", site.project().getId()).param("name", "gate-1")
                        .with(user(site.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("issuedToken", org.hamcrest.Matchers.startsWith("wrd_")));
        mvc.perform(get("/projects/{p}/devices", site.project().getId()).with(user(site.admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("gate-1")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("wrd_"))));
    }
}
