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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
    void anAdministratorResolvesADifferenceOnTheBatchPage() throws Exception {
        callbacks.record(p.s().onDuty(), first.id(), new CallbackService.Answer(true, CallbackCheck.DIFFERS, "只干了三天",
                null, null, first.version()));
        CallbackCheck differs = callbacks.checksOf(p.staff(), batch.id()).get(0);
        mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.admin())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("callback-resolve-form")))
                .andExpect(content().string(containsString("只干了三天")));
        mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.staff())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("callback-resolve-form"))));
        mvc.perform(post("/payouts/{b}/callbacks/{c}/resolve", batch.id(), differs.id()).param("resolution", "核对签字表，属实")
                        .param("version", String.valueOf(differs.version())).with(user(p.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "payout.callback.resolvedDone"));
        assertThat(callbacks.checksOf(p.staff(), batch.id()).get(0).resolution()).isEqualTo("核对签字表，属实");
    }
}
