package org.workrelief.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A pager's link is the page being shown, with everything it was asked with, on another page. */
class PageLinksTests {

    /** A GET of {@code uri} with parameters given as name, value, name, value ... */
    private static MockHttpServletRequest request(String uri, String... parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        for (int i = 0; i < parameters.length; i += 2) {
            request.addParameter(parameters[i], parameters[i + 1]);
        }
        return request;
    }

    @Test
    void aPageWithoutParametersGetsOnlyThePage() {
        assertThat(PageLinks.of(request("/workers")).to(1)).isEqualTo("/workers?page=1");
    }

    @Test
    void everyFilterIsKeptAndThePageReplaced() {
        // the roster's filters, a search in Chinese, the page in the middle
        var roster = request("/projects/7/roster", "q", "张", "teamId", "4", "page", "2", "status", "ACTIVE", "expiring",
                "true", "noContract", "false", "sort", "name", "group", "POOR");
        assertThat(PageLinks.of(roster).to(3)).isEqualTo(
                "/projects/7/roster?q=%E5%BC%A0&teamId=4&status=ACTIVE&expiring=true&noContract=false&sort=name&group=POOR&page=3");
    }

    @Test
    void theLinkIsAPathOnThisServerWithItsContextPath() {
        MockHttpServletRequest request = request("/relief/complaints", "status", "OPEN");
        request.setContextPath("/relief");
        request.setServerName("evil.example");
        assertThat(PageLinks.of(request).to(0)).isEqualTo("/relief/complaints?status=OPEN&page=0");
    }

    @Test
    void aSearchIsAValueWhateverItHolds() {
        assertThat(PageLinks.of(request("/workers", "q", "{x}&page=9 #")).to(1))
                .isEqualTo("/workers?q=%7Bx%7D%26page%3D9%20%23&page=1");
    }

    @Test
    void thereIsNoPageBeforeTheFirst() {
        assertThat(PageLinks.of(request("/audit", "page", "0")).to(-1)).isEqualTo("/audit?page=0");
    }
}
