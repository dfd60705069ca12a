package org.workrelief.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.DispatcherServlet;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/**
 * Through the web layer: a safety problem is recorded, shown and approved; a refused save keeps what
 * was typed; today is approved only after the afternoon window; past duty days need a reason.
 */
@IntegrationTest
class ReviewAndRosterScreensTests {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 3);

    @Autowired SupervisedSites sites;
    @Autowired MockMvc mvc;
    @Autowired DailyReviewService reviews;
    @Autowired DutyRosterService duty;
    @Autowired AuditLog auditLog;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    SupervisedSite s;

    @BeforeEach
    void setUp() {
        clock.set(SupervisedSite.at(DAY, 21, 30, 0)); // the afternoon window (to 21:00) has closed
        s = sites.create(DAY);
        s.fullDay(s.site().worker(), DAY);
    }

    @Test
    void aSafetyProblemIsRecordedShownAndTheDayApproved() throws Exception {
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), DAY);
        // 安全帽 unticked: the browser sends no "helmets" parameter at all
        mvc.perform(post("/reviews/{r}/checks", review.id()).param("projectId", String.valueOf(s.projectId()))
                        .param("day", DAY.toString()).param("version", String.valueOf(review.version()))
                        .param("quality", "ISSUES").param("qualityNotes", "")
                        .param("signage", "true").param("slope", "true").param("machinery", "true")
                        .param("safetyNotes", "2人未戴安全帽").with(user(s.onDuty())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "review.checks.saved"));

        DailyReview saved = reviews.page(s.onDuty(), s.projectId(), DAY).review();
        assertThat(saved.helmets()).isFalse();
        assertThat(saved.signage()).isTrue();
        assertThat(saved.quality()).isEqualTo(QualityResult.ISSUES);
        assertThat(saved.safetyNotes()).isEqualTo("2人未戴安全帽");
        mvc.perform(get("/projects/{p}/reviews/{d}", s.projectId(), DAY).with(user(s.offDuty())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"checks-problems\"")))
                .andExpect(content().string(containsString("作业人员佩戴安全帽")))
                .andExpect(content().string(containsString("2人未戴安全帽")));

        mvc.perform(post("/reviews/{r}/approve", review.id()).param("projectId", String.valueOf(s.projectId()))
                        .param("day", DAY.toString()).with(user(s.onDuty())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "review.approved"));
        mvc.perform(get("/projects/{p}/reviews/{d}", s.projectId(), DAY).with(user(s.offDuty())).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"approved-note\"")))
                .andExpect(content().string(containsString("id=\"checks-problems\"")))
                .andExpect(content().string(containsString("2人未戴安全帽")));
    }

    @Test
    void aRefusedSaveKeepsWhatWasTyped() throws Exception {
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), DAY);
        // the flash goes through the JDBC session in a browser (the journey); here it is handed to the next page directly
        MvcResult refused = mvc.perform(post("/reviews/{r}/checks", review.id())
                        .param("projectId", String.valueOf(s.projectId())).param("day", DAY.toString())
                        .param("version", String.valueOf(review.version())).param("qualityNotes", "东段砌石有松动")
                        .param("signage", "true").param("safetyNotes", "2人未戴安全帽")
                        .with(user(s.onDuty())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failure", "review.quality.required")).andReturn();
        mvc.perform(get("/projects/{p}/reviews/{d}", s.projectId(), DAY).with(user(s.onDuty()))
                        .requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, refused.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择工程质量检查结果")))
                .andExpect(content().string(containsString(">东段砌石有松动</textarea>")))
                .andExpect(content().string(containsString(">2人未戴安全帽</textarea>")))
                .andExpect(content().string(containsString("id=\"safety-signage\" checked")));

        String tooLong = "长".repeat(1001);
        MvcResult tooLongNotes = mvc.perform(post("/reviews/{r}/checks", review.id())
                        .param("projectId", String.valueOf(s.projectId())).param("day", DAY.toString())
                        .param("version", String.valueOf(review.version())).param("quality", "PASS")
                        .param("qualityNotes", tooLong).with(user(s.onDuty())).with(csrf()))
                .andExpect(flash().attribute("failure", "review.notes.tooLong")).andReturn();
        mvc.perform(get("/projects/{p}/reviews/{d}", s.projectId(), DAY).with(user(s.onDuty()))
                        .requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, tooLongNotes.getFlashMap()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(tooLong)));
        assertThat(reviews.page(s.onDuty(), s.projectId(), DAY).review().checksRecorded()).as("nothing saved").isFalse();
    }

    @Test
    void todayIsApprovedOnlyAfterTheAfternoonWindowCloses() throws Exception {
        clock.set(SupervisedSite.at(DAY, 18, 30, 0));
        DailyReview review = readyToApprove();
        mvc.perform(get("/projects/{p}/reviews/{d}", s.projectId(), DAY).with(user(s.onDuty())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"approve-not-yet\"")))
                .andExpect(content().string(containsString("21:00")));
        mvc.perform(post("/reviews/{r}/approve", review.id()).param("projectId", String.valueOf(s.projectId()))
                        .param("day", DAY.toString()).with(user(s.onDuty())).with(csrf()))
                .andExpect(flash().attribute("failure", "review.approve.tooEarly"));
        assertThat(reviews.page(s.onDuty(), s.projectId(), DAY).locked()).isFalse();

        clock.set(SupervisedSite.at(DAY, 21, 0, 0));
        mvc.perform(get("/projects/{p}/reviews/{d}", s.projectId(), DAY).with(user(s.onDuty())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"approve-not-yet\""))));
        mvc.perform(post("/reviews/{r}/approve", review.id()).param("projectId", String.valueOf(s.projectId()))
                        .param("day", DAY.toString()).with(user(s.onDuty())).with(csrf()))
                .andExpect(flash().attribute("success", "review.approved"));
    }

    @Test
    void aPastDutyDayNeedsAnAdministratorsReason() throws Exception {
        LocalDate yesterday = DAY.minusDays(1);
        long member = s.onDutyMember().id();
        mvc.perform(post("/projects/{p}/supervision/roster/{d}", s.projectId(), yesterday)
                        .param("memberIds", String.valueOf(member)).with(user(s.site().admin())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failure", "duty.past.reasonRequired"));
        assertThat(duty.roster(s.site().admin(), s.projectId(), yesterday, yesterday).get(0).members()).isEmpty();
        mvc.perform(get("/projects/{p}/supervision/roster/{d}", s.projectId(), yesterday).with(user(s.site().admin())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"duty-reason\"")));

        mvc.perform(post("/projects/{p}/supervision/roster/{d}", s.projectId(), yesterday)
                        .param("memberIds", String.valueOf(member)).param("reason", "值班表漏排，按实际到岗补记")
                        .with(user(s.site().admin())).with(csrf()))
                .andExpect(flash().attribute("success", "duty.day.saved"));
        assertThat(duty.roster(s.site().admin(), s.projectId(), yesterday, yesterday).get(0).members()).hasSize(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_log where action = 'DUTY_DAY_CHANGED' and entity_id = ? and detail like ?
                """, Integer.class, s.projectId() + "/" + yesterday, "%值班表漏排%")).isEqualTo(1);

        mvc.perform(post("/projects/{p}/supervision/roster/generate", s.projectId()).param("from", "2025-05-26")
                        .param("to", "2025-06-10").param("perDay", "1").with(user(s.site().admin())).with(csrf()))
                .andExpect(flash().attribute("failure", "duty.past.reasonRequired"));
        mvc.perform(post("/projects/{p}/supervision/roster/generate", s.projectId()).param("from", "2025-06-03")
                        .param("to", "2025-06-10").param("perDay", "1").with(user(s.site().admin())).with(csrf()))
                .andExpect(flash().attribute("success", "duty.generated"));
        mvc.perform(get("/projects/{p}/supervision", s.projectId()).with(user(s.site().admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"from\" name=\"from\" required value=\"2025-06-03\"")));
        mvc.perform(post("/projects/{p}/supervision/roster/generate", s.projectId()).param("from", "2025-06-03")
                        .param("to", "2025-06-10").with(user(s.site().staff())).with(csrf()))
                .andExpect(status().isForbidden());
    }

    /** The day opened, its checks recorded and every anomaly accepted. */
    private DailyReview readyToApprove() {
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), DAY);
        review = reviews.recordChecks(s.onDuty(), review.id(), new ReviewChecks(QualityResult.PASS, null, true, true, true,
                true, null, review.version()));
        for (var anomaly : reviews.page(s.onDuty(), s.projectId(), DAY).anomalies()) {
            reviews.decide(s.onDuty(), review.id(), anomaly.anomaly().key(), Decision.ACCEPTED, "已核实");
        }
        return review;
    }
}
