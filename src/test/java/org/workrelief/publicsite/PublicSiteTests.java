package org.workrelief.publicsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.common.PersonalNumbers;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.TestNumbers;

/** The public pages need no sign-in and expose no full ID or bank card number (the pages are scanned). */
@IntegrationTest
class PublicSiteTests {

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
            assertThat(PersonalNumbers.find(html)).as("a full ID, bank card or mobile number on a public page").isEmpty();
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
                .andExpect(flash().attribute("failure", "public.post.incomplete"));
    }

    @Test
    void aPostWithAFullIdCardOrMobileNumberIsRefusedWithTheKindFoundAndNothingIsSaved() throws Exception {
        int before = jdbc.queryForObject("select count(*) from public_post", Integer.class);
        assertThatThrownBy(() -> site.publish(p.admin(), new PublicSiteService.PostForm(PostKind.JOB, "招工",
                "联系人王某，身份证 " + TestNumbers.idNumber() + "。", null, null, null, null)))
                .isInstanceOf(BusinessRuleException.class).hasMessage("public.post.personal.idNumber");
        assertThatThrownBy(() -> site.publish(p.admin(), new PublicSiteService.PostForm(PostKind.POLICY,
                "工资打到卡 " + TestNumbers.bankCard(), "内容", null, null, null, null)))
                .isInstanceOf(BusinessRuleException.class).hasMessage("public.post.personal.bankCard");
        // through the form: the reason on the banner and the typed post back in the form
        String body = "报名请联系张师傅，手机 139 1234 5678。";
        var refused = mvc.perform(post("/admin/public-posts").param("kind", "JOB").param("title", "护坡组招工").param("body", body)
                        .param("openFrom", "2025-06-01").with(user(p.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failure", "public.post.personal.mobile"))
                .andExpect(flash().attribute("draft", org.hamcrest.Matchers.hasEntry("body", body)))
                .andReturn().getResponse();
        assertThat(jdbc.queryForObject("select count(*) from public_post", Integer.class)).isEqualTo(before);

        // the page it leads to (same session) says why and has the post as typed
        String form = mvc.perform(get(refused.getRedirectedUrl()).cookie(refused.getCookie("SESSION")).with(user(p.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("标题或内容中有手机号码", "value=\"护坡组招工\"", body + "</textarea>", "value=\"2025-06-01\"");

        // masked numbers and an office landline are fine
        site.publish(p.admin(), new PublicSiteService.PostForm(PostKind.POLICY, "发放说明",
                "如有疑问请带身份证（370285********1234）到村委会，电话 0532-88881234。", null, null, null, null));
        assertThat(jdbc.queryForObject("select count(*) from public_post", Integer.class)).isEqualTo(before + 1);
    }

    @Test
    void theSiteIconAnswersWithoutSignInAndThePagesLinkIt() throws Exception {
        mvc.perform(get("/favicon.ico")).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).startsWith(new byte[] { 0, 0, 1, 0 }));
        mvc.perform(get("/static/favicon.svg")).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("<svg"));
        assertThat(page("/public")).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/static/favicon.svg\">",
                "href=\"/favicon.ico\"");
        assertThat(page("/notice/" + batch.noticeToken())).contains("href=\"/static/favicon.svg\"");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
