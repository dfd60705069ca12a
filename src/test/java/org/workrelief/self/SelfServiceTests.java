package org.workrelief.self;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestNumbers;
import org.workrelief.worker.PinForm;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerPins;
import org.workrelief.worker.WorkerService;

/**
 * 本人查询: a worker looks up their own record with their worker code (or ID number) and PIN, without an
 * account; wrong PINs count and lock as on the site device; one address cannot try many workers; the
 * session ends after 10 idle minutes; no id on a page opens anyone else's record; every lookup is audited.
 */
@IntegrationTest
class SelfServiceTests {

    static final String PIN = "583071";
    static final String WRONG = "739152";

    @Autowired MockMvc mvc;
    @Autowired PayoutFlow flow;
    @Autowired WorkerPins pins;
    @Autowired WorkerService workers;
    @Autowired RegistryFixtures registry;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired AddressThrottle throttle;
    @Autowired org.workrelief.payout.BankService bank;
    @Autowired org.workrelief.common.crypto.DataProtector protector;
    @Autowired org.workrelief.complaint.ComplaintService complaints;

    PaidSite p;
    org.workrelief.payout.PayoutBatch released;
    Worker me;
    Worker other;
    long myLine;
    long otherLine;

    @BeforeEach
    void setUp() {
        throttle.clear();
        p = flow.site();
        released = flow.released(p);
        me = p.crew().get(0);
        other = p.crew().get(1);
        pins.set(p.staff(), me.getId(), new PinForm("", PIN, PIN));
        pins.set(p.staff(), other.getId(), new PinForm("", PIN, PIN));
        myLine = jdbc.queryForObject("select id from payout_line where worker_id = ?", Long.class, me.getId());
        otherLine = jdbc.queryForObject("select id from payout_line where worker_id = ?", Long.class, other.getId());
    }

    /** A phone: one client address, carrying its cookies (the session, the language) from page to page. */
    final class Phone {
        final String address;
        final Map<String, Cookie> cookies = new java.util.HashMap<>();

        Phone(String address) {
            this.address = address;
        }

        ResultActions get(String url, Object... vars) throws Exception {
            return send(MockMvcRequestBuilders.get(url, vars));
        }

        ResultActions post(String url, Map<String, String> form) throws Exception {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(url).with(csrf());
            form.forEach(request::param);
            return send(request);
        }

        ResultActions lookUp(String who, String pin) throws Exception {
            return post("/self", Map.of("who", who, "pin", pin));
        }

        private ResultActions send(MockHttpServletRequestBuilder request) throws Exception {
            request.with(r -> {
                r.setRemoteAddr(address);
                return r;
            });
            if (!cookies.isEmpty()) {
                request.cookie(cookies.values().toArray(Cookie[]::new));
            }
            ResultActions result = mvc.perform(request);
            for (Cookie issued : result.andReturn().getResponse().getCookies()) {
                cookies.put(issued.getName(), issued);
            }
            return result;
        }
    }

    @Test
    void theWorkerFilesAComplaintAboutTheirOwnLineFollowsItToItsAnswerAndHearsOfItByText() throws Exception {
        Phone phone = new Phone("10.0.7.1");
        phone.lookUp(me.getWorkerCode(), PIN);
        // another worker's line is not found, and nothing is filed
        phone.post("/self/complaints", Map.of("kind", "WRONG_AMOUNT", "lineId", String.valueOf(otherLine), "content", "少算半天"))
                .andExpect(status().isNotFound());
        assertThat(complaints.ofWorker(me.getId())).isEmpty();
        assertThat(complaints.ofWorker(other.getId())).isEmpty();

        phone.post("/self/complaints", Map.of("kind", "WRONG_AMOUNT", "lineId", String.valueOf(myLine), "content",
                "5月30日只算了半天", "contact", "13900001111"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("success", "self.complaint.filed"));
        var filed = complaints.ofWorker(me.getId());
        assertThat(filed).singleElement().satisfies(c -> {
            assertThat(c.lineId()).isEqualTo(myLine);
            assertThat(c.status()).isEqualTo(org.workrelief.complaint.ComplaintStatus.ACCEPTED);
        });
        String number = filed.get(0).number();
        String home = phone.get("/self/home").andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains(number).contains("已受理").contains("5月30日只算了半天");

        var complaint = complaints.get(p.admin(), filed.get(0).id());
        complaints.resolve(p.admin(), complaint.id(), "经核对考勤，5月30日为半天，金额无误，已电话说明", complaint.version());
        home = phone.get("/self/home").andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("已办结").contains("经核对考勤，5月30日为半天");

        // the worker hears of each step on their phone, once per step
        assertThat(jdbc.queryForList("select event_key from worker_message where worker_id = ? and event_key like 'COMPLAINT:%'"
                + " order by id", String.class, me.getId()))
                .containsExactly("COMPLAINT:" + complaint.id() + ":ACCEPTED", "COMPLAINT:" + complaint.id() + ":RESOLVED");
        assertThat(jdbc.queryForObject("select body from worker_message where event_key = ?", String.class,
                "COMPLAINT:" + complaint.id() + ":ACCEPTED")).contains(number).hasSizeLessThan(70);
    }

    @Test
    void theWorkerLooksUpTheirOwnProjectsPayAndPaySlipWithoutAnAccount() throws Exception {
        Phone phone = new Phone("10.1.0.1");
        phone.get("/self").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("本人查询"), containsString("name=\"who\""),
                        containsString("name=\"pin\""), containsString("inputmode=\"numeric\""))));
        phone.lookUp(me.getWorkerCode().toLowerCase(), PIN).andExpect(redirectedUrl("/self/home"));

        phone.get("/self/home").andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(me.getWorkerCode()), containsString(p.s().site().project().getName()),
                        containsString("用工单位：" + p.s().site().project().getEntityName()),
                        containsString("2025-05-26 至 2025-05-30"), containsString("800.00"), containsString("待银行反馈"),
                        containsString("href=\"/self/slip/" + myLine + "\""),
                        not(containsString("/self/slip/" + otherLine + "\"")), not(containsString(other.getWorkerCode())))));

        phone.get("/self/month").andExpect(status().isOk());
        phone.get("/self/month?project={id}&month=2025-05", p.projectId()).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("本月签到 5 天，其中经监督委员会审核计入 5 天"),
                        containsString("id=\"self-day-2025-05-26\""), containsString("全天"), containsString("已计入"))));

        phone.get("/self/slip/{id}", myLine).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("工资清单"), containsString(p.s().site().project().getEntityName()),
                        containsString("160.00 元"), containsString("800.00 元"), containsString(me.getIdNumberMasked()),
                        containsString("slip.css"), containsString("data-print"))));
    }

    @Test
    void noPageShowsAFullIdOrCardNumber() throws Exception {
        Phone phone = new Phone("10.1.0.2");
        phone.lookUp(me.getWorkerCode(), PIN);
        String id = protector.decrypt(jdbc.queryForObject("select id_number_cipher from worker where id = ?", String.class,
                me.getId()));
        assertThat(id).hasSize(18);
        for (String page : List.of("/self/home", "/self/month?project=" + p.projectId() + "&month=2025-05", "/self/slip/" + myLine)) {
            phone.get(page).andExpect(content().string(not(containsString(id))));
        }
    }

    @Test
    void theWorkerMayNameThemselfByIdNumber() throws Exception {
        String idNumber = TestNumbers.idNumber();
        Worker registered = workers.register(p.staff(), RegistryFixtures.workerForm(p.s().site().town(), idNumber)).worker();
        pins.set(p.staff(), registered.getId(), new PinForm("", PIN, PIN));
        Phone phone = new Phone("10.1.0.3");
        phone.lookUp(idNumber, PIN).andExpect(redirectedUrl("/self/home"));
        phone.get("/self/home").andExpect(content().string(containsString(registered.getWorkerCode())));
    }

    @Test
    void wrongPinsAreRefusedCountedAndLockTheWorkersPinAsOnTheSiteDevice() throws Exception {
        Phone phone = new Phone("10.1.0.4");
        phone.lookUp(me.getWorkerCode(), WRONG).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("确认码不正确"), containsString("再错 4 次将锁定"),
                        not(containsString(WRONG)))));
        for (int i = 0; i < 4; i++) {
            phone.lookUp(me.getWorkerCode(), WRONG);
        }
        phone.lookUp(me.getWorkerCode(), PIN).andExpect(content().string(containsString("已锁定")));
        phone.get("/self/home").andExpect(redirectedUrl("/self?ended=idle"));
        // the same lock as the site device's
        assertThat(pins.statusOf(p.staff(), me.getId()).lockedUntil()).isNotNull();
        assertThat(jdbc.queryForList("select detail from audit_log where action = 'WORKER_PIN_FAILED' and entity_id = ? and actor = ?",
                String.class, String.valueOf(me.getId()), "本人:" + me.getWorkerCode()))
                .hasSize(6).allSatisfy(detail -> assertThat(detail).isEqualTo("10.1.0.4"));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'WORKER_PIN_LOCKED' and entity_id = ?",
                Integer.class, String.valueOf(me.getId()))).isEqualTo(1);
        // an unknown worker is refused without naming anyone
        phone.lookUp("JS999999", PIN).andExpect(content().string(containsString("没有找到该工号或身份证号")));
    }

    @Test
    void onePhoneCannotTryManyWorkers() throws Exception {
        Phone phone = new Phone("10.1.0.5");
        for (int i = 0; i < 10; i++) {
            phone.lookUp(i % 2 == 0 ? other.getWorkerCode() : "JS99999" + i, WRONG);
        }
        // the right PIN of a third worker, from this address: refused before any PIN is compared
        phone.lookUp(me.getWorkerCode(), PIN).andExpect(content().string(containsString("本设备查询失败次数过多")));
        phone.get("/self/home").andExpect(redirectedUrl("/self?ended=idle"));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'WORKER_PIN_FAILED' and entity_id = ?",
                Integer.class, String.valueOf(me.getId()))).isZero();
        // another phone is not affected
        new Phone("10.1.0.6").lookUp(me.getWorkerCode(), PIN).andExpect(redirectedUrl("/self/home"));
    }

    @Test
    void theSessionEndsAfterTenIdleMinutesAndOnSignOut() throws Exception {
        Phone phone = new Phone("10.1.0.7");
        phone.lookUp(me.getWorkerCode(), PIN);
        clock.advance(Duration.ofMinutes(9));
        phone.get("/self/home").andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(9));
        phone.get("/self/home").andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(10));
        phone.get("/self/slip/{id}", myLine).andExpect(redirectedUrl("/self?ended=idle"));
        phone.get("/self/home").andExpect(redirectedUrl("/self?ended=idle"));
        phone.get("/self?ended=idle").andExpect(content().string(containsString("查询已结束")));

        phone.lookUp(me.getWorkerCode(), PIN);
        phone.post("/self/sign-out", Map.of()).andExpect(redirectedUrl("/self?ended=signedOut"));
        phone.get("/self/home").andExpect(redirectedUrl("/self?ended=idle"));
        assertThat(actions()).contains("SELF_TIMED_OUT", "SELF_SIGNED_OUT");
    }

    @Test
    void noIdOnThePagesOpensAnotherWorkersRecord() throws Exception {
        Phone phone = new Phone("10.1.0.8");
        phone.lookUp(me.getWorkerCode(), PIN);
        phone.get("/self/slip/{id}", otherLine).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(other.getWorkerCode()))));
        phone.get("/self/slip/{id}", myLine).andExpect(status().isOk());
        long elsewhere = registry.project(p.admin(), p.s().site().town()).getId();
        phone.get("/self/month?project={id}&month=2025-05", elsewhere).andExpect(status().isNotFound());
        phone.get("/self/month?project={id}&month=2025-05", p.projectId()).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(other.getWorkerCode()))));
        // nor does a staff page open with the worker's session
        phone.get("/workers/{id}", me.getId()).andExpect(status().is3xxRedirection());
    }

    @Test
    void everyLookupIsAuditedWithWhoWhenAndFromWhere() throws Exception {
        Phone phone = new Phone("10.1.0.9");
        phone.lookUp(me.getWorkerCode(), PIN);
        phone.get("/self/home");
        phone.get("/self/month?project={id}&month=2025-05", p.projectId());
        phone.get("/self/slip/{id}", myLine);
        phone.lookUp("JS999999", PIN);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select actor, action, entity_type, entity_id, detail, occurred_at from audit_log
                where action like 'SELF%' and detail like '%10.1.0.9' order by id""");
        assertThat(rows).extracting(row -> row.get("action")).containsExactly("SELF_SIGNED_IN", "SELF_VIEWED", "SELF_VIEWED",
                "SELF_VIEWED", "SELF_LOOKUP_REFUSED");
        assertThat(rows.subList(0, 4)).allSatisfy(row -> assertThat(row.get("actor")).isEqualTo("本人:" + me.getWorkerCode()));
        assertThat(rows.get(3)).containsEntry("entity_type", "PayoutLine").containsEntry("entity_id", String.valueOf(myLine));
        assertThat(rows.get(2).get("detail").toString()).startsWith("month 2025-05");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("occurred_at")).isNotNull());
    }

    @Test
    void thePagesSpeakEnglishToo() throws Exception {
        Phone phone = new Phone("10.1.0.10");
        phone.get("/self?lang=en").andExpect(content().string(allOf(containsString("My records"),
                containsString("Worker code or ID number"))));
        phone.lookUp(me.getWorkerCode(), WRONG).andExpect(content().string(containsString("PIN")));
        phone.lookUp(me.getWorkerCode(), PIN);
        phone.get("/self/home?lang=en").andExpect(content().string(allOf(containsString("My pay"),
                containsString("Awaiting the bank"), containsString("Pay slip"))));
        phone.get("/self/month?project={id}&month=2025-05&lang=en", p.projectId())
                .andExpect(content().string(allOf(containsString("Full"), containsString("Counted"))));
        phone.get("/self/slip/{id}?lang=en", myLine).andExpect(content().string(allOf(containsString("Employer"),
                containsString("800.00 yuan"))));
    }

    @Test
    void theWorkerSeesWhatTheBankSaidPaidOrFailedWithItsReasonAndReissuedInWhichBatch() throws Exception {
        Worker failedWorker = p.crew().get(3);
        pins.set(p.staff(), failedWorker.getId(), new PinForm("", PIN, PIN));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.workrelief.common.sheet.SheetWriter.csv(List.of("银行卡号", "金额", "结果", "原因"), new java.util.ArrayList<>(List.of(
                List.of(card(p.crew().get(0)), "800.00", "成功", ""), List.of(card(p.crew().get(1)), "800.00", "成功", ""),
                List.of(card(p.crew().get(2)), "800.00", "成功", ""), List.of(card(failedWorker), "720.00", "失败", "账户已销户"))), out);
        bank.importResults(p.finance(), released.id(), "result.csv", new java.io.ByteArrayInputStream(out.toByteArray()));

        Phone mine = new Phone("10.1.0.11");
        mine.lookUp(me.getWorkerCode(), PIN);
        mine.get("/self/home").andExpect(content().string(containsString("已到账")));
        mine.get("/self/slip/{id}", myLine).andExpect(content().string(allOf(containsString("已到账"),
                containsString("id=\"slip-paid-on\">2025-"))));

        long failedLine = jdbc.queryForObject("select id from payout_line where worker_id = ?", Long.class, failedWorker.getId());
        Phone theirs = new Phone("10.1.0.12");
        theirs.lookUp(failedWorker.getWorkerCode(), PIN);
        theirs.get("/self/home").andExpect(content().string(allOf(containsString("发放失败"),
                containsString("银行说明：账户已销户"))));

        String newCard = TestNumbers.bankCard();
        jdbc.update("update worker set bank_card_cipher = ?, bank_card_hash = ?, bank_card_masked = ? where id = ?",
                protector.encrypt(newCard), protector.hash(newCard), "****" + newCard.substring(newCard.length() - 4),
                failedWorker.getId());
        var followUp = bank.reissueFailed(p.staff(), released.id());
        theirs.get("/self/slip/{id}", failedLine).andExpect(content().string(allOf(containsString("发放失败，已补发"),
                containsString("已在 " + followUp.periodFrom() + " 至 " + followUp.periodTo() + " 的补发批次中重新发放"),
                not(containsString(newCard)))));
    }

    @Test
    void theLookupIsLinkedFromTheTownsPublicPageTheWorkerCardAndTheNotice() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/public/towns/{id}", p.s().site().town().getId()))
                .andExpect(content().string(containsString("id=\"public-self\" href=\"/self\"")));
        mvc.perform(MockMvcRequestBuilders.get("/workers/{id}/card", me.getId())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(p.staff())))
                .andExpect(content().string(allOf(containsString("id=\"card-self\""), containsString("扫码查询本人的出勤和工资"))));
        mvc.perform(MockMvcRequestBuilders.get("/notice/{token}", released.noticeToken()))
                .andExpect(content().string(allOf(containsString("id=\"notice-self\""), containsString("href=\"/self\""))));
    }

    private String card(Worker worker) {
        return protector.decrypt(jdbc.queryForObject("select bank_card_cipher from worker where id = ?", String.class,
                worker.getId()));
    }

    private List<String> actions() {
        return jdbc.queryForList("select action from audit_log where entity_id = ? and action like 'SELF%' order by id",
                String.class, String.valueOf(me.getId()));
    }
}
