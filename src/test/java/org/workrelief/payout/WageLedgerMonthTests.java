package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/** The wage ledger is offered for the months the project has batches in, the latest chosen, not for this month. */
@IntegrationTest
class WageLedgerMonthTests {

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired WageLedger ledger;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    @Test
    void withoutBatchesThereIsNoLedgerToDownload() throws Exception {
        String page = list();
        assertThat(page).contains("id=\"wage-ledger-none\"").contains("暂无发放批次").doesNotContain("ledger.xlsx");
    }

    @Test
    void theMonthsWithBatchesAreOfferedTheLatestFirstAndChosen() throws Exception {
        flow.released(p);
        // an older batch of March adds its month; August, the month the page is opened in, has none
        jdbc.update("""
                insert into payout_batch (project_id, period_from, period_to, status, prepared_by, created_at, updated_at)
                values (?, date '2025-03-01', date '2025-03-31', 'DRAFT', 'someone', now(), now())
                """, p.projectId());
        clock.set(ZonedDateTime.of(2025, 8, 20, 9, 0, 0, 0, MutableClock.ZONE).toInstant());

        assertThat(ledger.months(p.staff(), p.projectId())).containsExactly(YearMonth.of(2025, 5), YearMonth.of(2025, 3));
        String page = list();
        assertThat(page).contains("action=\"/projects/" + p.projectId() + "/payouts/ledger.xlsx\"")
                .contains("<option value=\"2025-05\" selected=\"selected\">工资发放台账（2025-05）</option>")
                .contains("<option value=\"2025-03\">工资发放台账（2025-03）</option>")
                .doesNotContain("value=\"2025-07\"").doesNotContain("value=\"2025-08\"");
        assertThat(page.indexOf("value=\"2025-05\"")).isLessThan(page.indexOf("value=\"2025-03\""));
        mvc.perform(get("/projects/{p}/payouts/ledger.xlsx", p.projectId()).param("month", "2025-05").with(user(p.staff())))
                .andExpect(status().isOk());
    }

    private String list() throws Exception {
        var response = mvc.perform(get("/projects/{p}/payouts", p.projectId()).with(user(p.staff())))
                .andExpect(status().isOk()).andReturn().getResponse();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return response.getContentAsString();
    }
}
