package org.workrelief.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workrelief.account.AccountService;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.support.IntegrationTest;
import org.workrelief.worker.Worker;

/** The audit log as a clerk reads it: words for codes, records by their names, what changed, sign-ins out of the way. */
@IntegrationTest
class AuditScreensTests {

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;

    PaidSite p;
    PayoutBatch batch;

    @BeforeEach
    void setUp() {
        p = flow.site();
        batch = flow.released(p);
        accounts.recordSuccessfulLogin(p.finance().getUsername());
    }

    @Test
    void operationsAndRecordsAreInWordsWithTheRecordsOwnNamesAndWhatChanged() throws Exception {
        String page = page(get("/audit").param("projectId", String.valueOf(p.projectId())));
        assertThat(page).contains(">核查通过<", ">发放劳务报酬<", ">记录互证签字<", ">每日核查<", ">发放批次<", ">发放明细<")
                .doesNotContain("REVIEW_APPROVED<", "PAYOUT_BATCH_RELEASED<", ">PayoutLine<", "PayoutLine " , "{&quot;");
        // the records by their names: a line by its worker's name and code and its batch's period, the batch by its period and project
        Worker worker = p.crew().get(0);
        String project = p.s().site().project().getCode() + " " + p.s().site().project().getName();
        assertThat(page).contains(worker.getName() + " " + worker.getWorkerCode() + " · 2025-05-26 ~ 2025-05-30 · " + project)
                .contains(">2025-05-26 ~ 2025-05-30 · " + project + "<")
                .contains(">2025-05-30 · " + project + "<");
        // what changed: the status of the batch, from one labelled state to the next
        assertThat(Pattern.compile(">状态</span>:\\s*<span class=\"audit-before\">已审批</span>\\s*→\\s*<span class=\"audit-after\">已发放</span>")
                .matcher(page).find()).as("status before → after").isTrue();
        // people by their names
        assertThat(page).contains(">" + p.finance().displayName() + "</td>")
                .doesNotContain(">" + p.finance().getUsername() + "<");
    }

    @Test
    void signInsAreLeftOutUnlessAskedForAndTheOperationFilterIsLabelled() throws Exception {
        String actor = p.finance().getUsername();
        String byDefault = page(get("/audit").param("actor", actor));
        assertThat(byDefault).contains(">发放劳务报酬<").doesNotContain("audit-op\">登录<")
                .contains("<option value=\"PAYOUT_BATCH_RELEASED\">发放劳务报酬</option>")
                .contains("<option value=\"LOGIN_SUCCEEDED\">登录</option>")
                .contains("<option value=\"PayoutBatch\">发放批次</option>");
        assertThat(page(get("/audit").param("actor", actor).param("signIns", "true"))).contains("audit-op\">登录<")
                .contains(">发放劳务报酬<");
        String released = page(get("/audit").param("actor", actor).param("action", "PAYOUT_BATCH_RELEASED"));
        assertThat(released).contains("audit-op\">发放劳务报酬<").doesNotContain("audit-op\">登录<")
                .contains("<option value=\"PAYOUT_BATCH_RELEASED\" selected=\"selected\">发放劳务报酬</option>");
        assertThat(page(get("/audit").param("actor", actor).param("action", "LOGIN_SUCCEEDED"))).contains("audit-op\">登录<")
                .doesNotContain("audit-op\">发放劳务报酬<");
        // a person is found by their name as well as by their user name
        assertThat(page(get("/audit").param("actor", p.finance().displayName()).param("action", "PAYOUT_BATCH_RELEASED")))
                .contains("audit-op\">发放劳务报酬<");
    }

    @Test
    void inEnglishTheLabelsAreEnglish() throws Exception {
        String page = page(get("/audit").param("projectId", String.valueOf(p.projectId())).param("lang", "en"));
        assertThat(page).contains(">Payout batch released<", ">Daily review approved<", ">Payout line<", ">Status</span>")
                .contains("<span class=\"audit-before\">approved</span>")
                .contains("Include sign-ins")
                .doesNotContain(">核查通过<", ">发放批次<");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(p.admin()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
