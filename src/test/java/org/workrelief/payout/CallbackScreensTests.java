package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
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

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.worker.Worker;

/** 回访抽查 on screen: the sample on the batch page, the committee member's call-back list and who may answer. */
@IntegrationTest
class CallbackScreensTests {

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired CallbackService callbacks;
    @Autowired AccountService accounts;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;

    PaidSite p;
    PayoutBatch batch;
    CallbackCheck first;
    String phone;

    @BeforeEach
    void setUp() {
        p = flow.site();
        batch = flow.confirmed(p);
        first = callbacks.checksOf(p.staff(), batch.id()).get(0);
        phone = p.crew().stream().filter(w -> w.getId().equals(first.workerId())).map(Worker::getPhone).findFirst().orElseThrow();
    }

    @Test
    void theBatchPageShowsTheSampleAndItsSeed() throws Exception {
        long seed = callbacks.sampleOf(p.staff(), batch.id()).orElseThrow().seed();
        mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("回访抽查")))
                .andExpect(content().string(containsString(String.valueOf(seed))))
                .andExpect(content().string(containsString(first.workerCode())))
                .andExpect(content().string(not(containsString("tel:"))))
                .andExpect(content().string(not(containsString("/callbacks\""))));
        mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.s().onDuty())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"callback-list\"")));
    }

    @Test
    void theCommitteeMemberCallsFromTheListAndTheNumberGoesOnceAnswered() throws Exception {
        mvc.perform(get("/payouts/{b}/callbacks", batch.id()).with(user(p.s().onDuty())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("tel:" + phone)));
        mvc.perform(get("/payouts/{b}/callbacks", batch.id()).with(user(p.staff())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("tel:"))))
                .andExpect(content().string(not(containsString(phone))));
        mvc.perform(post("/payouts/{b}/callbacks/{c}", batch.id(), first.id()).param("reached", "true")
                        .param("worked", "SAME").param("expectedAmount", "800.00").param("version", String.valueOf(first.version()))
                        .with(user(p.s().onDuty())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "payout.callback.recorded"));
        mvc.perform(get("/payouts/{b}/callbacks", batch.id()).with(user(p.s().onDuty())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("tel:" + phone))));
        assertThat(callbacks.checksOf(p.staff(), batch.id()).get(0).open()).isFalse();
    }

    @Test
    void staffAndFinanceCannotRecordACheckAndAnotherTownFindsNoBatch() throws Exception {
        for (SignedInUser someone : new SignedInUser[] { p.staff(), p.finance() }) {
            mvc.perform(post("/payouts/{b}/callbacks/{c}", batch.id(), first.id()).param("reached", "true")
                            .param("worked", "SAME").param("version", String.valueOf(first.version()))
                            .with(user(someone)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        Fixtures fixtures = new Fixtures(accounts);
        SignedInUser stranger = Principals.of(fixtures.user(Role.SUPERVISOR, fixtures.town()));
        mvc.perform(get("/payouts/{b}/callbacks", batch.id()).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/payouts/{b}/callbacks/{c}", batch.id(), first.id()).param("reached", "true")
                        .param("worked", "SAME").param("version", String.valueOf(first.version()))
                        .with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(callbacks.checksOf(p.staff(), batch.id()).get(0).open()).isTrue();
    }

    @Test
    void theBatchPageShowsTheDifferenceAndLeadsToItsResolutionOnTheCallBackList() throws Exception {
        callbacks.record(p.s().onDuty(), first.id(), new CallbackService.Answer(true, CallbackCheck.DIFFERS, "只干了三天",
                null, null, first.version()));
        CallbackCheck differs = callbacks.checksOf(p.staff(), batch.id()).get(0);
        String toCheck = "href=\"/payouts/" + batch.id() + "/callbacks#check-" + differs.id() + "\"";
        for (SignedInUser clerk : new SignedInUser[] { p.admin(), p.staff() }) {
            mvc.perform(get("/payouts/{b}", batch.id()).with(user(clerk)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("callback-resolve-link")))
                    .andExpect(content().string(containsString(toCheck)))
                    .andExpect(content().string(containsString("只干了三天")));
        }
        mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.finance())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("callback-resolve-link"))));
        mvc.perform(post("/payouts/{b}/callbacks/{c}/resolve", batch.id(), differs.id()).param("kind", "DECIDED")
                        .param("resolution", "核对签字表，属实")
                        .param("version", String.valueOf(differs.version())).with(user(p.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/payouts/" + batch.id() + "/callbacks#check-" + differs.id()))
                .andExpect(flash().attribute("success", "payout.callback.resolvedDone"));
        assertThat(callbacks.checksOf(p.staff(), batch.id()).get(0).resolution()).isEqualTo("核对签字表，属实");
        mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.staff())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不符（已书面处理）")))
                .andExpect(content().string(containsString("书面处理决定"))).andExpect(content().string(containsString("核对签字表，属实")))
                .andExpect(content().string(not(containsString("callback-resolve-link"))));
    }

    @Test
    void theCallBackListLeadsTheAdministratorToTheLinesCorrectionAndRecordsItInChineseAndEnglish() throws Exception {
        CallbackCheck differs = callbacks.record(p.s().onDuty(), first.id(), new CallbackService.Answer(true,
                CallbackCheck.DIFFERS, "只干了四天", null, null, first.version()));
        String toLine = "/payouts/" + batch.id() + "?line=" + differs.lineId() + "#line-" + differs.lineId();
        // 5.0 days and 800.00, or 4.5 and 720.00: whichever line the draw put first
        String days = differs.daysChecked().toPlainString();
        String payable = differs.payableChecked().toPlainString();
        String corrected = differs.payableChecked().subtract(new BigDecimal("160.00")).toPlainString();
        mvc.perform(get("/payouts/{b}/callbacks", batch.id()).with(user(p.admin())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("callback-resolve-form")))
                .andExpect(content().string(containsString("name=\"kind\" value=\"CORRECTED\"")))
                .andExpect(content().string(containsString("name=\"kind\" value=\"DECIDED\"")))
                .andExpect(content().string(containsString("已更正明细"))).andExpect(content().string(containsString("书面处理决定")))
                .andExpect(content().string(containsString("href=\"" + toLine + "\"")))
                .andExpect(content().string(containsString("到每日核查更正天数")))
                .andExpect(content().string(containsString("回访时 " + days + " 天、应发 " + payable + " 元")));
        mvc.perform(get("/payouts/{b}/callbacks", batch.id()).param("lang", "en").with(user(p.admin())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("callback-resolve-form")))
                .andExpect(content().string(containsString("Line corrected"))).andExpect(content().string(containsString("Written decision")))
                .andExpect(content().string(containsString("Correct the days in the daily review")))
                .andExpect(content().string(containsString("At the call-back " + days + " days, " + payable + " yuan payable")))
                .andExpect(content().string(not(containsString("已更正明细"))));
        mvc.perform(get("/payouts/{b}/callbacks", batch.id()).with(user(p.staff())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"" + toLine + "\"")))
                .andExpect(content().string(not(containsString("callback-resolve-form"))));
        mvc.perform(get("/payouts/{b}/callbacks", batch.id()).with(user(p.s().onDuty())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("callback-resolve-form"))))
                .andExpect(content().string(not(containsString("?line="))));
        // the link opens the page of lines that holds the line, even one line a page
        mvc.perform(get("/payouts/{b}", batch.id()).param("line", String.valueOf(differs.lineId())).param("size", "1")
                        .with(user(p.admin())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"line-" + differs.lineId() + "\"")));

        // "corrected" before the line changed: refused, back on the list with the reason
        mvc.perform(post("/payouts/{b}/callbacks/{c}/resolve", batch.id(), differs.id()).param("kind", "CORRECTED")
                        .param("version", String.valueOf(differs.version()))
                        .with(user(p.admin())).with(csrf()))
                .andExpect(redirectedUrl("/payouts/" + batch.id() + "/callbacks#check-" + differs.id()))
                .andExpect(flash().attribute("failure", "payout.callback.notCorrected"));
        assertThat(callbacks.checksOf(p.staff(), batch.id()).get(0).awaitingDecision()).isTrue();

        PayoutLine line = batches.line(differs.lineId()).orElseThrow();
        payouts.deduct(p.staff(), line.id(), new BigDecimal("160.00"), "回访核实少干一天", line.version());
        mvc.perform(get("/payouts/{b}/callbacks", batch.id()).with(user(p.admin())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("现为 " + days + " 天、应发 " + corrected + " 元")));
        mvc.perform(post("/payouts/{b}/callbacks/{c}/resolve", batch.id(), differs.id()).param("kind", "CORRECTED")
                        .param("version", String.valueOf(differs.version()))
                        .with(user(p.admin())).with(csrf()))
                .andExpect(flash().attribute("success", "payout.callback.correctedDone"));
        for (String page : new String[] { "/payouts/" + batch.id() + "/callbacks", "/payouts/" + batch.id() }) {
            mvc.perform(get(page).with(user(p.staff())))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("不符（已更正明细）")))
                    .andExpect(content().string(containsString(days + " 天、" + payable + " 元 → " + days + " 天、" + corrected + " 元")))
                    .andExpect(content().string(not(containsString("callback-correct-line"))));
            mvc.perform(get(page).param("lang", "en").with(user(p.staff())))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("Differs (line corrected)")))
                    .andExpect(content().string(containsString(days + " days, " + payable + " yuan → " + days + " days, " + corrected + " yuan")));
        }
        // the deduction taken back after the resolution: the difference waits again
        PayoutLine undone = batches.line(line.id()).orElseThrow();
        payouts.deduct(p.staff(), line.id(), BigDecimal.ZERO, null, undone.version());
        mvc.perform(get("/payouts/{b}/callbacks", batch.id()).with(user(p.admin())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("记为已更正后，该条明细又有改变，须重新处理")))
                .andExpect(content().string(containsString("不符（待处理）")))
                .andExpect(content().string(containsString("callback-resolve-form")));
        mvc.perform(get("/audit").param("entityType", "PayoutBatch").param("entityId", String.valueOf(batch.id()))
                        .with(user(p.admin())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("处理回访不符")))
                .andExpect(content().string(containsString("已更正明细")));
    }
}
