package org.workrelief.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.SignedInUser;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.payout.BankService;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.payout.PayoutLine;
import org.workrelief.payout.PayoutService;
import org.workrelief.support.IntegrationTest;

/**
 * Finance's home page lists what waits for finance: batches approved and waiting for release,
 * released and waiting for the bank's results, and with failed lines not yet paid again.
 */
@IntegrationTest
class FinanceHomeTests {

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired BankService bank;
    @Autowired DataProtector protector;
    @Autowired JdbcTemplate jdbc;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    @Test
    void financeSeesEachBatchThatWaitsForThemUntilTheBankHasAnsweredEveryLine() throws Exception {
        assertThat(home(p.finance())).contains("id=\"finance-desk\"").contains("目前没有需要财务处理的发放批次");

        PayoutBatch approved = flow.approved(p);
        String home = home(p.finance());
        assertThat(list(home, "finance-to-release")).contains("2025-05-26 至 2025-05-30", "4 人，3,120.00 元",
                "href=\"/payouts/" + approved.id() + "\"");
        assertThat(home).doesNotContain("finance-awaiting-results").doesNotContain("目前没有需要财务处理");

        PayoutBatch released = payouts.release(p.finance(), approved.id(), approved.version());
        home = home(p.finance());
        assertThat(home).doesNotContain("finance-to-release");
        assertThat(list(home, "finance-awaiting-results")).contains("4 笔待银行反馈，3,120.00 元",
                "href=\"/payouts/" + released.id() + "\"");

        // the bank pays three and returns one
        StringBuilder answer = new StringBuilder("银行卡号,金额,结果,原因\n");
        var lines = batches.lines(p.finance(), released.id());
        for (int i = 0; i < lines.size(); i++) {
            PayoutLine line = lines.get(i);
            answer.append(card(line.workerId())).append(',').append(line.amountPayable())
                    .append(i == 0 ? ",失败,账户已销户\n" : ",成功,\n");
        }
        assertThat(bank.importResults(p.finance(), released.id(), "bank.csv",
                new ByteArrayInputStream(answer.toString().getBytes(StandardCharsets.UTF_8))).errors()).isEmpty();
        home = home(p.finance());
        assertThat(home).doesNotContain("finance-awaiting-results");
        assertThat(list(home, "finance-failed-lines")).contains("1 笔发放失败，" + lines.get(0).amountPayable() + " 元",
                "href=\"/payouts/" + released.id() + "\"");

        assertThat(home(p.admin())).as("finance's desk only").doesNotContain("finance-desk");
    }

    @Test
    void anotherTownsBatchesAreNotOnTheDesk() throws Exception {
        flow.approved(p);
        PaidSite elsewhere = flow.site();
        assertThat(home(elsewhere.finance())).contains("目前没有需要财务处理的发放批次");
    }

    private String home(SignedInUser who) throws Exception {
        return mvc.perform(get("/").with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The one list of the desk with this id, from its opening tag to its end. */
    private static String list(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("list %s on the page", id).isPositive();
        String list = page.substring(start, page.indexOf("</ul>", start));
        assertThat(list.split("<li", -1)).as("one batch in %s", id).hasSize(2);
        return list;
    }

    private String card(long workerId) {
        return protector.decrypt(jdbc.queryForObject("select bank_card_cipher from worker where id = ?", String.class,
                workerId));
    }
}
