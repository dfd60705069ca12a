package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;

/**
 * 意外险即将到期, from 7 days before the end: on the home page of those who keep the roster (who, which
 * project, which day; their town only, the county level all), on the project page, and as a badge on
 * the roll call.
 */
@IntegrationTest
class InsuranceExpiringTests {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 3);

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ProjectService projects;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    EnrollmentService enrollments;

    @Autowired
    MutableClock clock;

    ActiveProject site;
    Worker endsInFiveDays;
    Worker endsToday;
    Worker endsInEightDays;
    Worker leftEndsTomorrow;

    @BeforeEach
    void setUp() {
        clock.set(ZonedDateTime.of(2025, 6, 3, 7, 58, 0, 0, MutableClock.ZONE).toInstant());
        site = ActiveProject.create(accounts, projects, registry, TODAY);
        endsInFiveDays = site.addWorker(registry, TODAY.minusDays(20), TODAY.plusDays(5));
        endsToday = site.addWorker(registry, TODAY.minusDays(20), TODAY);
        endsInEightDays = site.addWorker(registry, TODAY.minusDays(20), TODAY.plusDays(8));
        leftEndsTomorrow = site.addWorker(registry, TODAY.minusDays(20), TODAY.plusDays(1));
        enrollments.leave(site.staff(), enrollments.onProjectByWorkerId(site.project().getId(), leftEndsTomorrow.getId())
                .orElseThrow().getId(), TODAY);
    }

    @Test
    void theHomePageOfTheTownsStaffSaysWhoOnWhichProjectAndWhichDay() throws Exception {
        mvc.perform(get("/").with(user(site.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("意外险即将到期"),
                        containsString(endsInFiveDays.getName() + " · " + endsInFiveDays.getWorkerCode()),
                        containsString("2025-06-08 到期（还有 5 天）"),
                        containsString(endsToday.getWorkerCode()),
                        containsString("2025-06-03 到期（今天）"),
                        containsString(site.project().getCode() + " · " + site.project().getName()),
                        containsString("/projects/" + site.project().getId() + "/roster?expiring=true"),
                        not(containsString(endsInEightDays.getWorkerCode())),
                        not(containsString(leftEndsTomorrow.getWorkerCode())),
                        not(containsString(site.worker().getWorkerCode())))));
        mvc.perform(get("/").param("lang", "en").with(user(site.admin())))
                .andExpect(content().string(allOf(containsString("Accident insurance about to expire"),
                        containsString("ends 2025-06-08 (in 5 days)"), containsString("ends 2025-06-03 (today)"))));
    }

    @Test
    void anotherTownSeesNoneOfItTheCountySeesItAndTheCommitteeHasNoSuchList() throws Exception {
        Fixtures fixtures = new Fixtures(accounts);
        SignedInUser otherTown = Principals.of(fixtures.user(Role.ADMIN, fixtures.town()));
        mvc.perform(get("/").with(user(otherTown)))
                .andExpect(content().string(allOf(containsString("7 天内没有到期的意外险"),
                        not(containsString(endsInFiveDays.getWorkerCode())))));
        SignedInUser supervisor = Principals.of(fixtures.user(Role.SUPERVISOR, site.town()));
        mvc.perform(get("/").with(user(supervisor)))
                .andExpect(content().string(allOf(not(containsString("意外险即将到期")),
                        not(containsString(endsInFiveDays.getWorkerCode())))));

        SignedInUser county = Principals.of(fixtures.user(Role.ADMIN, null));
        assertThat(enrollments.expiringInsurance(county, 10_000).items()).extracting(e -> e.workerId())
                .contains(endsInFiveDays.getId(), endsToday.getId())
                .doesNotContain(endsInEightDays.getId(), leftEndsTomorrow.getId());
        assertThat(enrollments.expiringInsurance(otherTown, 10_000).items()).isEmpty();
    }

    @Test
    void theListIsBoundedAndSaysHowManyThereAreInAll() {
        EnrollmentService.ExpiringInsuranceList first = enrollments.expiringInsurance(site.staff(), 1);
        assertThat(first.items()).extracting(e -> e.workerId()).containsExactly(endsToday.getId());
        assertThat(first.total()).isEqualTo(2);
    }

    @Test
    void theProjectPageNamesThemAndLinksToTheRosterFilter() throws Exception {
        mvc.perform(get("/projects/{p}/registry-panel", site.project().getId()).with(user(site.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"insurance-expiring\""),
                        containsString("id=\"insurance-expiring-" + enrollmentOf(endsInFiveDays) + "\""),
                        containsString("/workers/" + endsInFiveDays.getId()),
                        containsString("2025-06-08 到期（还有 5 天）"),
                        containsString("在花名册中查看（共 2 人）"),
                        containsString("/projects/" + site.project().getId() + "/roster?expiring=true"),
                        not(containsString("/workers/" + endsInEightDays.getId() + "\"")))));
    }

    @Test
    void theRollCallShowsABadgeOnTheirRows() throws Exception {
        String page = mvc.perform(get("/projects/{p}/rollcall", site.project().getId())
                        .param("teamId", site.team().getId().toString()).with(user(site.staff())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row(page, endsInFiveDays)).contains("insurance-expiring").contains("意外险 06-08 到期");
        assertThat(row(page, endsToday)).contains("意外险今天到期");
        assertThat(row(page, endsInEightDays)).doesNotContain("insurance-expiring");
        assertThat(row(page, site.worker())).doesNotContain("insurance-expiring");

        // the row the roll call sends back after a tap keeps its badge
        mvc.perform(post("/projects/{p}/rollcall", site.project().getId()).param("workerId", endsInFiveDays.getId().toString())
                        .with(user(site.staff())).with(csrf()))
                .andExpect(content().string(allOf(containsString("签到成功"), containsString("意外险 06-08 到期"))));
    }

    private long enrollmentOf(Worker worker) {
        return enrollments.onProjectByWorkerId(site.project().getId(), worker.getId()).orElseThrow().getId();
    }

    private static String row(String page, Worker worker) {
        int start = page.indexOf("id=\"member-" + worker.getId() + "\"");
        assertThat(start).as("row of %s", worker.getName()).isPositive();
        int end = page.indexOf("</li>", start);
        return page.substring(start, end);
    }
}
