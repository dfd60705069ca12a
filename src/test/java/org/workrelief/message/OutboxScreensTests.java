package org.workrelief.message;

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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.worker.Worker;

/**
 * 短信发件箱 on screen: without a provider the town's staff see each waiting message with its phone and
 * text (zh and en), send it by hand and mark it sent, audited; other towns and other roles see nothing.
 */
@IntegrationTest
class OutboxScreensTests {

    @Autowired MockMvc mvc;
    @Autowired MessageOutbox outbox;
    @Autowired PayoutFlow flow;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.workrelief.support.MutableClock clock;

    PaidSite p;
    Worker worker;
    long id;
    String key;

    @BeforeEach
    void setUp() {
        p = flow.site();
        worker = p.crew().get(0);
        key = "TEST:screen:" + worker.getId();
        outbox.enqueue(key, worker.getId(), "您在测试项目的劳务报酬800.00元已交银行代发，请留意到账。");
        id = jdbc.queryForObject("select id from worker_message where event_key = ?", Long.class, key);
    }

    @Test
    void theTownsStaffSeeEachWaitingMessageWithPhoneAndTextInChineseAndEnglish() throws Exception {
        mvc.perform(get("/messages").with(user(p.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("短信发件箱")))
                .andExpect(content().string(containsString("id=\"provider-off\"")))
                .andExpect(content().string(containsString("短信通道未配置")))
                .andExpect(content().string(containsString("id=\"message-" + id + "\"")))
                .andExpect(content().string(containsString("sms:" + worker.getPhone())))
                .andExpect(content().string(containsString("您在测试项目的劳务报酬800.00元已交银行代发，请留意到账。")))
                .andExpect(content().string(containsString("已手工发送")))
                .andExpect(content().string(containsString("id=\"nav-messages\"")));
        mvc.perform(get("/messages").param("lang", "en").with(user(p.admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("SMS outbox")))
                .andExpect(content().string(containsString("No SMS provider is configured")))
                .andExpect(content().string(containsString("Sent by hand")))
                .andExpect(content().string(containsString("To send")))
                .andExpect(content().string(containsString(worker.getPhone())));
    }

    @Test
    void theTownsAdministratorTurnsTheDailyAttendanceTextOnForAProject() throws Exception {
        jdbc.update("update project set status = 'UNDER_CONSTRUCTION' where id = ?", p.projectId());
        mvc.perform(get("/messages").with(user(p.staff())))
                .andExpect(content().string(not(containsString("id=\"attendance-summary\""))));
        mvc.perform(post("/messages/attendance-summary/{p}", p.projectId()).param("on", "true").with(user(p.staff()))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/messages").with(user(p.admin())))
                .andExpect(content().string(containsString("id=\"summary-" + p.projectId() + "\"")))
                .andExpect(content().string(containsString("已关闭")));
        mvc.perform(post("/messages/attendance-summary/{p}", p.projectId()).param("on", "true").with(user(p.admin()))
                .with(csrf())).andExpect(flash().attribute("success", "sms.summary.switchedOn"));
        mvc.perform(get("/messages").param("lang", "en").with(user(p.admin())))
                .andExpect(content().string(containsString("Daily attendance texts")))
                .andExpect(content().string(containsString("Turn off")));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'ATTENDANCE_SUMMARY_SWITCHED' and entity_id = ?",
                Integer.class, String.valueOf(p.projectId()))).isEqualTo(1);
    }

    @Test
    void aClerkMarksAMessageSentByHandOnceAndItIsAudited() throws Exception {
        long version = jdbc.queryForObject("select version from worker_message where id = ?", Long.class, id);
        mvc.perform(post("/messages/{id}/sent-by-hand", id).param("version", String.valueOf(version))
                        .with(user(p.staff())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "sms.outbox.markedSent"));
        assertThat(jdbc.queryForObject("select status || ' ' || sent_by_hand from worker_message where id = ?", String.class, id))
                .isEqualTo("SENT " + p.staff().getUsername());
        assertThat(jdbc.queryForObject("""
                select outcome || ' ' || provider_answer || ' ' || attempted_by from worker_message_attempt where message_id = ?
                """, String.class, id)).isEqualTo("SENT BY_HAND " + p.staff().getUsername());
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_log where action = 'WORKER_MESSAGE_SENT_BY_HAND' and entity_id = ? and actor = ?
                """, Integer.class, String.valueOf(id), p.staff().getUsername())).isEqualTo(1);

        mvc.perform(post("/messages/{id}/sent-by-hand", id).param("version", String.valueOf(version + 1))
                        .with(user(p.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("failure", "sms.outbox.alreadySent"));
        mvc.perform(get("/messages").with(user(p.staff())))
                .andExpect(content().string(not(containsString("id=\"message-" + id + "\""))));
        mvc.perform(get("/messages").param("show", "sent").with(user(p.staff())))
                .andExpect(content().string(containsString("id=\"message-" + id + "\"")))
                .andExpect(content().string(containsString("由")));
        mvc.perform(get("/messages/{id}", id).with(user(p.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工作人员手工发送")))
                .andExpect(content().string(containsString(key)));
    }

    @Test
    void aMessageShownBeforeAnotherClerkMarkedItIsRefusedAsStale() throws Exception {
        long version = jdbc.queryForObject("select version from worker_message where id = ?", Long.class, id);
        jdbc.update("update worker_message set status = 'FAILED', version = version + 1 where id = ?", id);
        mvc.perform(post("/messages/{id}/sent-by-hand", id).param("version", String.valueOf(version))
                        .with(user(p.staff())).with(csrf()))
                .andExpect(flash().attribute("failure", "sms.outbox.stale"));
        assertThat(jdbc.queryForObject("select status from worker_message where id = ?", String.class, id)).isEqualTo("FAILED");
    }

    @Test
    void aMessageTooOldToSendLeavesTheListToSendForTheExpiredOne() throws Exception {
        clock.advance(java.time.Duration.ofDays(8));
        mvc.perform(get("/messages").with(user(p.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"message-" + id + "\""))));
        mvc.perform(get("/messages").param("show", "expired").with(user(p.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("过期未发")))
                .andExpect(content().string(containsString("id=\"message-" + id + "\"")))
                .andExpect(content().string(not(containsString("outbox-mark"))))
                .andExpect(content().string(not(containsString(">待发送<"))));
    }

    @Test
    void anotherTownsStaffAndOtherRolesSeeNothingOfIt() throws Exception {
        Fixtures fixtures = new Fixtures(accounts);
        SignedInUser elsewhere = Principals.of(fixtures.user(Role.STAFF, fixtures.town()));
        mvc.perform(get("/messages").with(user(elsewhere)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"message-" + id + "\""))))
                .andExpect(content().string(not(containsString(worker.getPhone()))));
        mvc.perform(get("/messages/{id}", id).with(user(elsewhere))).andExpect(status().isNotFound());
        mvc.perform(post("/messages/{id}/sent-by-hand", id).param("version", "0").with(user(elsewhere)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/messages").with(user(p.finance()))).andExpect(status().isForbidden());
        mvc.perform(get("/messages").with(user(p.s().onDuty()))).andExpect(status().isForbidden());
        mvc.perform(post("/messages/{id}/sent-by-hand", id).param("version", "0").with(user(p.finance())).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select status from worker_message where id = ?", String.class, id)).isEqualTo("PENDING");
    }
}
