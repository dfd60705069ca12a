package org.workrelief.publicsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;

/** The public pages need no sign-in and expose no full ID or bank card number (the pages are scanned). */
@IntegrationTest
class PublicSiteTests {

    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{15,19}[\\dXx]?");

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired PublicSiteService site;
    @Autowired DataProtector protector;
    @Autowired JdbcTemplate jdbc;

    PaidSite p;
    PayoutBatch batch;

    @BeforeEach
    void setUp() {
        p = flow.site();
        batch = flow.publicized(p);
        site.publish(p.admin(), new PublicSiteService.PostForm(PostKind.JOB, "护坡砌筑组招工", "到前埠村村委会报名，需身体健康。",
                p.projectId(), new BigDecimal("180.00"), PaidSite.TODAY, PaidSite.TODAY.plusDays(14)));
        site.publish(p.admin(), new PublicSiteService.PostForm(PostKind.POLICY, "以工代赈政策解读", "劳务报酬直接发放到本人银行卡。",
                null, null, null, null));
    }

    @Test
    void thePublicPagesOpenWithoutSignInAndShowNoFullNumber() throws Exception {
        long townId = p.s().site().town().getId();
        String towns = page("/public");
        String town = page("/public/towns/" + townId);
        String notice = page("/notice/" + batch.noticeToken());
        assertThat(towns).contains(p.s().site().town().getName());
        assertThat(town).contains("护坡砌筑组招工").contains("以工代赈政策解读").contains("/notice/" + batch.noticeToken())
                .contains(p.s().site().project().getName());
        assertThat(notice).contains("********");

        List<String> secrets = new ArrayList<>();
        for (var worker : p.crew()) {
            secrets.add(protector.decrypt(jdbc.queryForObject("select id_number_cipher from worker where id = ?", String.class,
                    worker.getId())));
            secrets.add(protector.decrypt(jdbc.queryForObject("select bank_card_cipher from worker where id = ?", String.class,
                    worker.getId())));
        }
        for (String html : List.of(towns, town, notice)) {
            assertThat(LONG_NUMBER.matcher(html).find()).as("a 16- to 19-digit number on a public page").isFalse();
            secrets.forEach(secret -> assertThat(html).doesNotContain(secret));
        }
    }

    @Test
    void aWithdrawnPostLeavesThePublicPage() throws Exception {
        long jobId = site.postsOf(p.admin()).stream().filter(post -> post.kind() == PostKind.JOB).findFirst().orElseThrow().id();
        mvc.perform(post("/admin/public-posts/{id}/withdraw", jobId).with(user(p.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/public/towns/" + p.s().site().town().getId())).doesNotContain("护坡砌筑组招工");
    }

    @Test
    void onlyATownsAdministratorsPublishForIt() throws Exception {
        var county = Principals.of(new Fixtures(accounts).user(Role.ADMIN, null));
        assertThatThrownBy(() -> site.publish(county, new PublicSiteService.PostForm(PostKind.POLICY, "标题", "内容", null,
                null, null, null))).isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/admin/public-posts").with(user(p.staff()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/public-posts").param("kind", "JOB").param("title", "").param("body", "内容")
                        .with(user(p.admin())).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("failure", "public.post.incomplete"));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
