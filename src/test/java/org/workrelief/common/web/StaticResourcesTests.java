package org.workrelief.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
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
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
    }

    @Test
    void onlyTheResourcePrefixesAreResourcesSoAPagesLinksAreNotLookedUp() {
        assertThat(resourceUrls.getHandlerMap()).containsKeys("/webjars/**", "/static/**").doesNotContainKey("/**");
        // the API description's pages (springdoc) bring their own prefixes
        assertThat(resourceUrls.getHandlerMap().keySet())
                .allMatch(pattern -> pattern.startsWith("/webjars/") || pattern.startsWith("/static/")
                        || pattern.startsWith("/swagger-ui/"));
        assertThat(resourceUrls.getForLookupPath("/projects/1/reviews/2026-06-01")).isNull();
        assertThat(resourceUrls.getForLookupPath("/static/css/app.css")).isEqualTo("/static/css/app.css");
    }

    @Autowired
    List<FilterRegistrationBean<?>> filters;

    @Test
    void linksAreWrittenAsTheyAreNotMatchedAgainstTheResources() throws Exception {
        // Boot would register its link-encoding filter (the webjars locator enables the resource chain)
        assertThat(filters).filteredOn(filter -> filter.getFilter() instanceof ResourceUrlEncodingFilter)
                .isNotEmpty().noneMatch(FilterRegistrationBean::isEnabled);
        // the webjar links name no version and still resolve
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/webjars/bootstrap/css/bootstrap.min.css\"")));
    }
}
