package org.workrelief.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.project.ProjectService;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/** The committee's screens and the audit viewer, through the web layer. */
@IntegrationTest
class SupervisionScreensTests {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 3);

    @Autowired SupervisedSites sites;
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired CommitteeService committee;
    @Autowired DutyRosterService duty;
    @Autowired DailyReviewService reviews;
    @Autowired MutableClock clock;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    SupervisedSite s;

    @BeforeEach
    void setUp() {
        clock.set(SupervisedSite.at(DAY, 20, 0, 0));
        s = sites.create(DAY);
        s.device(s.site().worker(), 7, 58);
    }

    @Test
    void theCommitteePageShowsMembersRosterAndPrintsIt() throws Exception {
        mvc.perform(get("/projects/{p}/supervision", s.projectId()).param("month", "2025-06").with(user(s.site().admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(s.onDuty().displayName())))
                .andExpect(content().string(containsString("村干部")))
                .andExpect(content().string(containsString("generate-roster")));
        mvc.perform(post("/projects/{p}/supervision/roster/generate", s.projectId()).param("from", "2025-06-04")
                        .param("to", "2025-06-30").param("perDay", "2").with(user(s.site().admin())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "duty.generated"));
        mvc.perform(get("/projects/{p}/supervision/roster/print", s.projectId()).param("month", "2025-06")
                        .with(user(s.site().staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("监督值班表")))
                .andExpect(content().string(containsString("老党员")));
    }

    @Test
    void staffMayLookButNotKeepTheRoster() throws Exception {
        mvc.perform(post("/projects/{p}/supervision/roster/generate", s.projectId()).param("from", "2025-06-04")
                        .param("to", "2025-06-30").with(user(s.site().staff())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/projects/{p}/supervision", s.projectId()).with(user(s.site().staff())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("generate-roster"))));
    }

    @Test
    void aRefusedStepIsSaidOnThePageInTheUsersLanguage() throws Exception {
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), DAY);
        mvc.perform(post("/reviews/{r}/approve", review.id()).param("projectId", String.valueOf(s.projectId()))
                        .param("day", DAY.toString()).with(user(s.onDuty())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failure", "review.checks.missing"));
        mvc.perform(get("/projects/{p}/reviews/{d}", s.projectId(), DAY).with(user(s.offDuty())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只有当日值班的监督委员会成员")))
                .andExpect(content().string(not(containsString("approve-review"))));
    }

    @Test
    void aPhotoUploadIsJudgedByItsContent() throws Exception {
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), DAY);
        mvc.perform(multipart("/reviews/{r}/photos", review.id())
                        .file(new MockMultipartFile("photo", "site.jpg", "image/jpeg", "<html>not a photo</html>".getBytes()))
                        .param("projectId", String.valueOf(s.projectId())).param("day", DAY.toString())
                        .with(user(s.onDuty())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("failure", "review.photo.type"));
        mvc.perform(multipart("/reviews/{r}/photos", review.id())
                        .file(new MockMultipartFile("photo", "site.png", "application/octet-stream", ReviewPhotoTests.PNG))
                        .param("projectId", String.valueOf(s.projectId())).param("day", DAY.toString())
                        .with(user(s.onDuty())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "review.photo.added"));
        ReviewPhoto photo = reviews.page(s.onDuty(), s.projectId(), DAY).photos().get(0);
        mvc.perform(get("/reviews/photos/{id}", photo.id()).with(user(s.site().staff())))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"));
        var stranger = Principals.of(new Fixtures(accounts).user(Role.ADMIN, new Fixtures(accounts).town()));
        mvc.perform(get("/reviews/photos/{id}", photo.id()).with(user(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void homeAndProjectPagesListOverdueDaysAndTheMembersDuties() throws Exception {
        duty.setDay(s.site().admin(), s.projectId(), DAY.plusDays(1), List.of(s.onDutyMember().id()));
        clock.set(SupervisedSite.at(DAY.plusDays(1), 8, 0, 0));
        mvc.perform(get("/").with(user(s.onDuty())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("我的值班")))
                .andExpect(content().string(containsString("/reviews/2025-06-04")))
                .andExpect(content().string(containsString("/reviews/2025-06-03")));
        mvc.perform(get("/projects/{p}/supervision/panel", s.projectId()).with(user(s.site().staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 天未核查")));
    }

    @Test
    void theAuditViewerIsForAdministratorsAndTheCommitteeAndOnlyReads() throws Exception {
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), DAY);
        mvc.perform(get("/audit").param("projectId", String.valueOf(s.projectId())).with(user(s.offDuty())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("audit-op\">开始每日核查<")))
                .andExpect(content().string(containsString(">每日核查<")))
                .andExpect(content().string(containsString(">" + DAY + " · " + s.site().project().getCode() + " " + s.site().project().getName() + "<")));
        mvc.perform(get("/audit").param("entityType", "DailyReview").param("entityId", String.valueOf(review.id()))
                        .param("actor", s.onDuty().getUsername()).param("from", "2025-06-03").param("to", "2025-06-03")
                        .with(user(s.site().admin())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("audit-op\">开始每日核查<")));
        mvc.perform(get("/audit").param("from", "2025-06-04").param("entityType", "DailyReview")
                        .param("entityId", String.valueOf(review.id())).with(user(s.site().admin())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("audit-op\">开始每日核查<"))));
        mvc.perform(get("/audit").with(user(s.site().staff()))).andExpect(status().isForbidden());
        mvc.perform(post("/audit").with(user(s.site().admin())).with(csrf()))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404, 405));

        var otherTownAdmin = Principals.of(new Fixtures(accounts).user(Role.ADMIN, new Fixtures(accounts).town()));
        mvc.perform(get("/audit").param("entityType", "DailyReview").param("entityId", String.valueOf(review.id()))
                        .with(user(otherTownAdmin)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("audit-op\">开始每日核查<"))));
    }

    @Test
    void aLongAuditTrailIsNotCountedPastTenThousandEntries() throws Exception {
        var town = new Fixtures(accounts).town();
        var admin = Principals.of(new Fixtures(accounts).user(Role.ADMIN, town));
        jdbc.update("""
                insert into audit_log (occurred_at, actor, action, entity_type, entity_id, town_id)
                select now(), 'bulk', 'BULK_RECORDED', 'BulkRecord', g::text, ? from generate_series(1, 10001) g
                """, town.getId());
        mvc.perform(get("/audit").param("entityType", "BulkRecord").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("超过 10,000 条")))
                .andExpect(content().string(not(containsString("共 10,001 条"))));
        mvc.perform(get("/audit").param("entityType", "BulkRecord").param("entityId", "77").with(user(admin)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("超过"))));
    }
}
