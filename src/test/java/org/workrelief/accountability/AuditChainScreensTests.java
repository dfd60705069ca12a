package org.workrelief.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.audit.AuditChain;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/**
 * The audit chain on screen and on paper, on the shared database (whose chains are intact): the
 * administrator's integrity page and its 立即校验, no warning on the home page while the log is intact,
 * the chain's hash at the end of the month on both ledgers, and the town's chains at the end of
 * yesterday on its public page.
 */
@IntegrationTest
class AuditChainScreensTests {

    @Autowired MockMvc mvc;
    @Autowired PayoutFlow flow;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired AuditLog auditLog;

    @Test
    void aCountyAdministratorRunsACheckAndSeesUpToWhichEntryWhenAndTheResult() throws Exception {
        SignedInUser county = Principals.of(new Fixtures(accounts).user(Role.ADMIN, null));
        mvc.perform(post("/audit/integrity").with(user(county)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/audit/integrity"))
                .andExpect(flash().attribute("success", "audit.integrity.ran.intact"));
        Map<String, Object> check = jdbc.queryForMap("select * from audit_chain_check order by id desc limit 1");
        assertThat(check.get("scope_town_id")).isNull();
        assertThat(check.get("checked_by")).isEqualTo(county.getUsername());

        String page = mvc.perform(get("/audit/integrity").with(user(county))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("审计日志完整性校验", "id=\"audit-integrity-result\"", "审计日志完整",
                "截至记录 #" + check.get("last_entry_id"), "id=\"audit-integrity-checks\"", "全县所有审计链",
                "<td>" + county.displayName() + "</td>")
                .doesNotContain("audit-integrity-failures");
        assertThat(mvc.perform(get("/audit/integrity").param("lang", "en").with(user(county))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Audit log integrity check", "the audit log is intact",
                "up to entry #" + check.get("last_entry_id"));

        assertThat(mvc.perform(get("/").with(user(county))).andReturn().getResponse().getContentAsString())
                .doesNotContain("audit-chain-broken");
        assertThat(mvc.perform(get("/audit").with(user(county))).andReturn().getResponse().getContentAsString())
                .contains("id=\"audit-integrity-link\"");
    }

    @Test
    void bothLedgersPrintTheProjectsChainHashAtTheEndOfTheirMonthOrNowWhileTheMonthRuns() throws Exception {
        PaidSite p = flow.site();
        flow.approved(p);
        String chain = AuditChain.projectChain(p.projectId());
        Map<String, Object> latest = jdbc.queryForMap(
                "select chain_seq, hash from audit_log where chain = ? order by chain_seq desc limit 1", chain);
        String now = java.time.LocalDateTime.now(clock).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        assertLedgersEndWith(p, "2025-06", "审计链校验值 截至 " + now + " 第" + latest.get("chain_seq") + "条：" + latest.get("hash"));
        // everything of this site was written in June
        assertLedgersEndWith(p, "2025-05", "审计链校验值 截至 2025-05-31 23:59：本项目尚无审计记录");

        clock.set(LocalDate.of(2025, 7, 2).atTime(10, 0).atZone(MutableClock.ZONE).toInstant());
        auditLog.recordAs("later", AuditEvent.of("THING_CHANGED", "Thing", "july").inProject(p.projectId(),
                p.s().site().town().getId()));
        assertThat(jdbc.queryForObject("select max(chain_seq) from audit_log where chain = ?", Long.class, chain))
                .isGreaterThan((Long) latest.get("chain_seq"));
        assertLedgersEndWith(p, "2025-06",
                "审计链校验值 截至 2025-06-30 23:59 第" + latest.get("chain_seq") + "条：" + latest.get("hash"));
    }

    private void assertLedgersEndWith(PaidSite p, String month, String expected) throws Exception {
        for (String ledger : new String[] { "/projects/{p}/payouts/ledger.xlsx", "/projects/{p}/attendance/ledger.xlsx" }) {
            byte[] file = mvc.perform(get(ledger, p.projectId()).param("month", month).with(user(p.staff())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).as(ledger + " " + month)
                        .startsWith(expected);
            }
        }
    }

    @Test
    void theTownsPublicPagePostsEachChainAtTheEndOfYesterday() throws Exception {
        PaidSite p = flow.site();
        flow.approved(p);
        long town = p.s().site().town().getId();
        LocalDate today = LocalDate.now(clock);
        Instant endOfYesterday = today.atStartOfDay(MutableClock.ZONE).toInstant();
        Map<String, Object> head = jdbc.queryForMap("""
                select chain_seq, hash from audit_log where chain = ? and occurred_at < ? order by chain_seq desc limit 1
                """, AuditChain.projectChain(p.projectId()), Timestamp.from(endOfYesterday));

        String page = mvc.perform(get("/public/towns/{t}", town)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"public-audit-chains\"", "审计链校验值");
        int line = page.indexOf("data-chain=\"" + AuditChain.projectChain(p.projectId()) + "\"");
        assertThat(line).isNotNegative();
        assertThat(page.substring(line, page.indexOf("</li>", line)))
                .contains("截至 " + today.minusDays(1) + " 23:59 第 " + head.get("chain_seq") + " 条", (String) head.get("hash"));
    }
}
