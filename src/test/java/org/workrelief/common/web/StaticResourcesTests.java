package org.workrelief.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesRegex;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.workrelief.support.IntegrationTest;

/**
 * Scripts and styles are served under their own prefixes, so the links a page builds are not looked
 * up as files: the webjar resource chain encodes every URL a template writes, and a static handler on
 * {@code /**} made each of them a class-path lookup (four fifths of a county home page's time).
 */
@IntegrationTest
class StaticResourcesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ResourceUrlProvider resourceUrls;

    @Test
    void ourStylesScriptsAndWebjarsAreServedToAnyone() throws Exception {
        mvc.perform(get("/static/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/static/js/app.js")).andExpect(status().isOk());
        mvc.perform(get("/static/js/code-scanner.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
    }

    @Test
    void onlyTheResourcePrefixesAreResourcesSoAPagesLinksAreNotLookedUp() {
        assertThat(resourceUrls.getHandlerMap()).containsKeys("/webjars/**", "/static/**").doesNotContainKey("/**");
        // the API description's pages (springdoc) bring their own prefixes; the site icon is one exact path
        assertThat(resourceUrls.getHandlerMap().keySet())
                .allMatch(pattern -> pattern.startsWith("/webjars/") || pattern.startsWith("/static/")
                        || pattern.startsWith("/swagger-ui/") || pattern.equals("/favicon.ico"));
        assertThat(resourceUrls.getForLookupPath("/projects/1/reviews/2026-06-01")).isNull();
        assertThat(resourceUrls.getForLookupPath("/static/css/app.css")).isEqualTo("/static/css/app.css");
    }

    @Test
    void webjarLinksNameTheirVersionSoThatBrowsersFetchAnUpgradedOne() throws Exception {
        // written by Boot's resource link encoding (the webjars locator): a version-less link would stay in
        // browser caches after an upgrade, since webjar files carry no cache headers of ours
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(
                matchesRegex("(?s).*href=\"/webjars/bootstrap/\\d[^\"/]*/css/bootstrap\\.min\\.css\".*")));
    }
}
