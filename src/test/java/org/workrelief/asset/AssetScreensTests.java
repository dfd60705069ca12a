package org.workrelief.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;

@IntegrationTest
class AssetScreensTests {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired AssetService assets;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    ActiveProject site;

    @BeforeEach
    void setUp() {
        clock.reset();
        site = ActiveProject.create(accounts, projects, registry, LocalDate.of(2025, 6, 3));
    }

    @Test
    void anAdministratorRecordsTheTransferADividendBelowTheGuaranteeAndItsSplit() throws Exception {
        long p = site.project().getId();
        mvc.perform(post("/projects/{p}/assets/transfer", p).param("receiver", "前埠村股份经济合作社")
                        .param("handedOverOn", "2025-05-20").param("documentRef", "姜山资〔2025〕8号")
                        .param("guaranteedDividend", "200000").with(user(site.admin())).with(csrf()))
                .andExpect(flash().attribute("success", "asset.transfer.saved"));
        mvc.perform(post("/projects/{p}/dividends", p).param("year", "2024").param("amount", "150000.00")
                        .param("receivedOn", "2025-01-10").with(user(site.admin())).with(csrf()))
                .andExpect(flash().attribute("success", "asset.dividend.recorded"));
        long dividendId = assets.dividends(site.admin(), p).get(0).id();
        mvc.perform(post("/projects/{p}/dividends/{d}/split", p, dividendId).param("rule", "EQUAL")
                        .param("households", "王家\n李家\n张家").with(user(site.admin())).with(csrf()))
                .andExpect(flash().attribute("success", "asset.split.done"));
        mvc.perform(get("/projects/{p}/assets", p).param("dividendId", String.valueOf(dividendId)).with(user(site.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("低于保底")))
                .andExpect(content().string(containsString("50,000.00")));
        mvc.perform(post("/projects/{p}/dividends", p).param("year", "2024").param("amount", "1")
                        .param("receivedOn", "2025-01-10").with(user(site.staff())).with(csrf()))
                .andExpect(status().isForbidden());
    }
    @Test
    void theHouseholdsAndJobsArePagedAndMoneyHasThousandsSeparators() throws Exception {
        long p = site.project().getId();
        assets.saveTransfer(site.admin(), p, new AssetService.AssetForm("前埠村股份经济合作社", LocalDate.of(2025, 5, 20),
                "姜山资〔2025〕8号", null, null, new BigDecimal("3200000"), new BigDecimal("200000"), 0));
        long dividendId = assets.recordDividend(site.admin(), p, 2024, new BigDecimal("1234567.89"), LocalDate.of(2025, 1, 10)).id();
        String households = IntStream.rangeClosed(1, 120).mapToObj(n -> "第%03d户".formatted(n)).collect(Collectors.joining("\n"));
        assets.split(site.admin(), dividendId, SplitRule.EQUAL, households);
        for (int year = 2000; year < 2030; year++) {
            for (String kind : List.of("LONG_TERM", "SEASONAL")) {
                jdbc.update("""
                        insert into operation_job (project_id, year, kind, position, worker_id, created_at, updated_at)
                        values (?, ?, ?, '养殖工', ?, now(), now())""", p, year, kind, site.worker().getId());
            }
        }

        String first = page("/projects/" + p + "/assets?dividendId=" + dividendId);
        assertThat(first).contains("第001户", "第020户").doesNotContain("第021户")
                .contains("第 1 / 6 页，共 120 条", "第 1 / 3 页，共 60 条")
                .contains("href=\"/projects/" + p + "/assets?dividendId=" + dividendId + "&amp;sharesPage=1#shares\"")
                .contains("href=\"/projects/" + p + "/assets?dividendId=" + dividendId + "&amp;jobsPage=1#jobs\"");
        assertThat(rows(first, "jobs-table")).isEqualTo(ROWS);
        assertThat(first).contains("1,234,567.89", "200,000.00", "3,200,000.00").containsPattern("10,288\\.0[67]");

        String last = page("/projects/" + p + "/assets?dividendId=" + dividendId + "&sharesPage=5&jobsPage=2");
        assertThat(last).contains("第101户", "第120户").doesNotContain("第001户", "第100户")
                .contains("第 6 / 6 页，共 120 条", "第 3 / 3 页，共 60 条");
        assertThat(rows(last, "jobs-table")).isEqualTo(60 - 2 * ROWS);
        // each pager keeps the other list where it is
        assertThat(last).contains("href=\"/projects/" + p + "/assets?dividendId=" + dividendId + "&amp;sharesPage=4&amp;jobsPage=2#shares\"")
                .contains("href=\"/projects/" + p + "/assets?dividendId=" + dividendId + "&amp;sharesPage=5&amp;jobsPage=1#jobs\"");
    }

    private static final int ROWS = 20;

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(site.staff()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static int rows(String html, String tableId) {
        int from = html.indexOf("id=\"" + tableId + "\"");
        String table = html.substring(from, html.indexOf("</table>", from));
        String body = table.substring(table.indexOf("<tbody>"));
        return body.split("<tr>", -1).length - 1;
    }
}
