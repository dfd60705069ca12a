package org.workrelief.training;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

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

@IntegrationTest
class TrainingScreensTests {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired TrainingService training;
    @Autowired MutableClock clock;

    ActiveProject site;

    @BeforeEach
    void setUp() {
        clock.reset();
        site = ActiveProject.create(accounts, projects, registry, LocalDate.of(2025, 6, 3));
    }

    @Test
    void staffRecordsASessionPicksAnAttendeeAndTheCountFollows() throws Exception {
        long projectId = site.project().getId();
        mvc.perform(post("/projects/{p}/training", projectId).param("title", "安全生产培训").param("kind", "SAFETY")
                        .param("trainer", "李老师").param("heldOn", "2025-06-02").param("hours", "2.5")
                        .with(user(site.staff())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "training.created"));
        long sessionId = training.sessions(site.staff(), projectId).get(0).id();
        mvc.perform(get("/training/{s}", sessionId).with(user(site.staff())))
                .andExpect(status().isOk()).andExpect(content().string(containsString(site.worker().getWorkerCode())));
        mvc.perform(post("/training/{s}/attendees", sessionId).param("workerIds", site.worker().getId().toString())
                        .with(user(site.staff())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "training.attendees.added"));
        mvc.perform(get("/projects/{p}/training", projectId).with(user(site.admin())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已培训 1 人")));
    }

    @Test
    void aBadSessionIsSaidOnThePage() throws Exception {
        mvc.perform(post("/projects/{p}/training", site.project().getId()).param("title", "培训").param("kind", "SKILLS")
                        .param("trainer", "李老师").param("heldOn", "2099-01-01").param("hours", "2")
                        .with(user(site.staff())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("failure", "training.date.future"));
    }

    @Test
    void theAttendeeImportAsksForATrainingListNotARoster() throws Exception {
        long projectId = site.project().getId();
        mvc.perform(post("/projects/{p}/training", projectId).param("title", "技能培训").param("kind", "SKILLS")
                        .param("trainer", "李老师").param("heldOn", "2025-06-02").param("hours", "2")
                        .with(user(site.staff())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long sessionId = training.sessions(site.staff(), projectId).get(0).id();
        mvc.perform(get("/training/{s}", sessionId).with(user(site.staff())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("培训名单文件")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("花名册文件"))));
    }
}
