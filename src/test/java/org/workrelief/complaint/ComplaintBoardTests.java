package org.workrelief.complaint;

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
import org.workrelief.account.Town;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;

/** 维权信息告示牌: set by the town's administrator, shown on the town's public page and printable, in both languages. */
@IntegrationTest
class ComplaintBoardTests {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;

    Town town;
    SignedInUser admin;

    @BeforeEach
    void setUp() {
        Fixtures fixtures = new Fixtures(accounts);
        town = fixtures.town();
        admin = Principals.of(fixtures.user(Role.ADMIN, town));
    }

    @Test
    void theTownAdministratorSetsTheBoardAndTheTownsPublicPageShowsIt() throws Exception {
        mvc.perform(get("/public/towns/{t}/complaint-board", town.getId()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"board-empty\"")));
        mvc.perform(post("/admin/complaint-board").with(user(admin)).with(csrf()).param("hotline", "0532-87000001")
                        .param("labourInspection", "0532-87000002").param("citizenHotline", "")
                        .param("committee", "张守义（村干部）13800000001\n李秀英（村民代表）13800000003"))
                .andExpect(flash().attribute("success", "complaint.board.saved"));

        mvc.perform(get("/public/towns/{t}/complaint-board", town.getId()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("维权信息告示牌")))
                .andExpect(content().string(containsString("0532-87000001")))
                .andExpect(content().string(containsString("0532-87000002")))
                .andExpect(content().string(containsString("12345")))
                .andExpect(content().string(containsString("李秀英（村民代表）13800000003")))
                .andExpect(content().string(containsString("5 个工作日内答复")))
                .andExpect(content().string(containsString("data-print")));
        mvc.perform(get("/public/towns/{t}/complaint-board", town.getId()).param("lang", "en"))
                .andExpect(content().string(containsString("County labour inspection")))
                .andExpect(content().string(containsString("within 5 working days")));
        mvc.perform(get("/public/towns/{t}", town.getId()))
                .andExpect(content().string(containsString("id=\"public-complaint-board\"")))
                .andExpect(content().string(containsString("0532-87000001")));

        Town other = new Fixtures(accounts).town();
        mvc.perform(get("/public/towns/{t}", other.getId()))
                .andExpect(content().string(not(containsString("0532-87000001"))))
                .andExpect(content().string(containsString("本镇尚未设置维权信息")));
    }

    @Test
    void theBoardNeedsItsNumbersAndOnlyTheTownsAdministratorSetsIt() throws Exception {
        mvc.perform(post("/admin/complaint-board").with(user(admin)).with(csrf()).param("hotline", "0532-1")
                        .param("labourInspection", " ").param("committee", "张守义"))
                .andExpect(flash().attribute("failure", "complaint.board.incomplete"));
        SignedInUser staff = Principals.of(new Fixtures(accounts).user(Role.STAFF, town));
        mvc.perform(post("/admin/complaint-board").with(user(staff)).with(csrf()).param("hotline", "1")
                        .param("labourInspection", "2").param("committee", "3"))
                .andExpect(status().isForbidden());
        SignedInUser county = Principals.of(new Fixtures(accounts).user(Role.ADMIN, null));
        mvc.perform(get("/admin/complaint-board").with(user(county)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"board-county\"")));
        mvc.perform(post("/admin/complaint-board").with(user(county)).with(csrf()).param("hotline", "1")
                        .param("labourInspection", "2").param("committee", "3"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/complaint-board").param("lang", "en").with(user(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Town complaint hotline")));
    }
}
