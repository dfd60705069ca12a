package org.workrelief.worker;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workrelief.account.AccountService;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;

/** 离岗 from the screens: offered on the roster row and the enrollment page, dated, confirmed, and then off the roll call. */
@IntegrationTest
class LeavingScreensTests {

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
    MutableClock clock;

    ActiveProject site;

    @BeforeEach
    void setUp() {
        clock.set(ZonedDateTime.of(2025, 6, 3, 7, 58, 0, 0, MutableClock.ZONE).toInstant());
        site = ActiveProject.create(accounts, projects, registry, TODAY);
    }

    @Test
    void theRosterRowOffersLeavingOnADayDefaultingToTodayWithAConfirmation() throws Exception {
        long id = site.enrollment().getId();
        mvc.perform(get("/projects/{p}/roster", site.project().getId()).with(user(site.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"leave-form-" + id + "\""),
                        containsString("action=\"/enrollments/" + id + "/leave\""),
                        containsString("data-confirm=\"确认 " + site.worker().getName() + " 自 %leftOn% 起离岗？"),
                        containsString("name=\"leftOn\" id=\"leftOn-" + id + "\""),
                        containsString("value=\"2025-06-03\" min=\"" + site.enrollment().getEnrolledOn() + "\" max=\"2025-06-03\""))));
    }

    @Test
    void aLeaverIsFoundByTheLeftFilterAndIsOffTheRollCallFromThatDay() throws Exception {
        String name = site.worker().getName();
        mvc.perform(post("/enrollments/{id}/leave", site.enrollment().getId()).param("leftOn", "2025-06-03")
                        .with(user(site.staff())).with(csrf()))
                .andExpect(redirectedUrl("/projects/" + site.project().getId() + "/roster"))
                .andExpect(flash().attribute("success", "enrollment.left.on"));

        mvc.perform(get("/projects/{p}/roster", site.project().getId()).param("status", "LEFT").with(user(site.staff())))
                .andExpect(content().string(allOf(containsString(name), containsString("已离岗（2025-06-03）"),
                        not(containsString("id=\"leave-form-")))));
        mvc.perform(get("/projects/{p}/roster", site.project().getId()).param("status", "ACTIVE").with(user(site.staff())))
                .andExpect(content().string(not(containsString(name))));
        mvc.perform(get("/projects/{p}/rollcall", site.project().getId()).param("teamId", site.team().getId().toString())
                        .with(user(site.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(name))));
        mvc.perform(post("/projects/{p}/rollcall", site.project().getId()).param("workerId", site.worker().getId().toString())
                        .with(user(site.staff())).with(csrf()))
                .andExpect(content().string(containsString("已离岗")));
        mvc.perform(get("/enrollments/{id}/edit", site.enrollment().getId()).with(user(site.staff())))
                .andExpect(content().string(allOf(containsString("已于 2025-06-03 离岗"), not(containsString("leave-form-")))));
    }

    @Test
    void aWorkerWhoSignedInThisMorningMayLeaveTodayButNotBeforeAndTheSignInStays() throws Exception {
        mvc.perform(post("/projects/{p}/rollcall", site.project().getId()).param("workerId", site.worker().getId().toString())
                        .with(user(site.staff())).with(csrf()))
                .andExpect(content().string(containsString("签到成功")));

        mvc.perform(post("/enrollments/{id}/leave", site.enrollment().getId()).param("leftOn", "2025-06-02")
                        .with(user(site.staff())).with(csrf()))
                .andExpect(redirectedUrl("/projects/" + site.project().getId() + "/roster"))
                .andExpect(flash().attribute("failure", "enrollment.leave.beforeSignIn"));
        mvc.perform(post("/enrollments/{id}/leave", site.enrollment().getId()).param("leftOn", "2025-06-03")
                        .with(user(site.staff())).with(csrf()))
                .andExpect(flash().attribute("success", "enrollment.left.on"));

        mvc.perform(get("/projects/{p}/attendance", site.project().getId()).param("date", "2025-06-03").with(user(site.staff())))
                .andExpect(content().string(allOf(containsString(site.worker().getName()), containsString("07:58"))));
    }

    @Test
    void theDayMayNotBeInTheFutureNorBeforeTheEnrollmentAndTheEnrollmentPageSaysWhy() throws Exception {
        long id = site.enrollment().getId();
        mvc.perform(get("/enrollments/{id}/edit", id).with(user(site.staff())))
                .andExpect(content().string(allOf(containsString("id=\"leave-form-" + id + "\""),
                        containsString("name=\"from\" value=\"edit\""))));

        mvc.perform(post("/enrollments/{id}/leave", id).param("leftOn", "2025-06-04").param("from", "edit")
                        .with(user(site.staff())).with(csrf()))
                .andExpect(redirectedUrl("/enrollments/" + id + "/edit"))
                .andExpect(flash().attribute("failure", "enrollment.leave.future"));
        mvc.perform(post("/enrollments/{id}/leave", id).param("leftOn", site.enrollment().getEnrolledOn().minusDays(1).toString())
                        .param("from", "edit").with(user(site.staff())).with(csrf()))
                .andExpect(flash().attribute("failure", "enrollment.leave.beforeEnrolled"));
        mvc.perform(post("/enrollments/{id}/leave", id).param("leftOn", "3 June").with(user(site.staff())).with(csrf()))
                .andExpect(flash().attribute("failure", "enrollment.leave.dateRequired"));
        MvcResult refused = mvc.perform(post("/enrollments/{id}/leave", id).param("leftOn", "2025-06-04").param("from", "edit")
                        .with(user(site.staff())).with(csrf())).andReturn();
        mvc.perform(get(refused.getResponse().getRedirectedUrl()).with(user(site.staff()))
                        .cookie(refused.getResponse().getCookie("SESSION")))
                .andExpect(content().string(containsString("离岗日期不能晚于今天")));

        // nothing was changed by the refusals: the worker is still on the roll call
        mvc.perform(get("/projects/{p}/rollcall", site.project().getId()).param("teamId", site.team().getId().toString())
                        .with(user(site.staff())))
                .andExpect(content().string(containsString(site.worker().getName())));
    }

    @Test
    void aCommitteeMemberCannotRecordALeaving() throws Exception {
        org.workrelief.support.Fixtures fixtures = new org.workrelief.support.Fixtures(accounts);
        var supervisor = org.workrelief.account.Principals.of(fixtures.user(org.workrelief.account.Role.SUPERVISOR, site.town()));
        mvc.perform(post("/enrollments/{id}/leave", site.enrollment().getId()).param("leftOn", "2025-06-03")
                        .with(user(supervisor)).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
