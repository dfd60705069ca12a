package org.workrelief.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;

/**
 * Pages name people by their display name, never by their sign-in name ("js-supervisor 于 … 核查通过"), and
 * an administrator of no town is the county's.
 */
@IntegrationTest
class PeopleShownByNameTests {

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;

    @Test
    void theReviewAndTheBatchNameWhoApprovedPreparedAndReleasedByTheirNames() throws Exception {
        PaidSite p = flow.site();
        PayoutBatch batch = flow.released(p);
        SignedInUser member = p.s().onDuty();
        String review = page(get("/projects/{p}/reviews/{day}", p.projectId(), PaidSite.TO), p.admin());
        assertThat(review).contains(member.displayName() + " 于 ").doesNotContain(member.getUsername());

        String page = page(get("/payouts/{b}", batch.id()), p.admin());
        for (SignedInUser person : new SignedInUser[] { p.staff(), p.checker(), p.finance() }) {
            assertThat(page).contains(">" + person.displayName() + "<").doesNotContain(person.getUsername());
        }
        assertThat(page(get("/projects/{p}/payouts", p.projectId()), p.admin())).contains(">" + p.staff().displayName() + "<")
                .doesNotContain(p.staff().getUsername());
    }

    @Test
    void theCountyAdministratorIsLabelledAsTheCountys() throws Exception {
        Fixtures fixtures = new Fixtures(accounts);
        SignedInUser county = Principals.of(fixtures.user(Role.ADMIN, null));
        SignedInUser town = Principals.of(fixtures.user(Role.ADMIN, fixtures.town()));
        assertThat(page(get("/"), county)).contains("id=\"home-role\">县级管理员<").doesNotContain("镇级管理员");
        assertThat(page(get("/").param("lang", "en"), county)).contains("id=\"home-role\">County official<");
        assertThat(page(get("/"), town)).contains("id=\"home-role\">镇级管理员<");
        assertThat(page(get("/admin/users"), county)).contains(">县级管理员<");
    }

    private String page(MockHttpServletRequestBuilder request, SignedInUser who) throws Exception {
        return mvc.perform(request.with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
