package org.workrelief.asset;

import static org.hamcrest.Matchers.containsString;
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
                .andExpect(content().string(containsString("50000.00")));
        mvc.perform(post("/projects/{p}/dividends", p).param("year", "2024").param("amount", "1")
                        .param("receivedOn", "2025-01-10").with(user(site.staff())).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
