package org.workrelief.common.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a list's pager ({@code fragments/pagination :: pager}): the page being shown, with every search and
 * filter it was asked with, on another page. One place, so that no list's pager forgets a filter its page has (the
 * roster has nine) and each page keeps its own without repeating them in the template. Every page's model has one
 * for its request ({@link LayoutModelAdvice}); templates call {@code ${pageLinks.to(n)}}.
 *
 * <p>The link is the request's own path (with the context path) and parameters, {@code page} replaced and put last,
 * encoded again: a path on this server, never a host taken from the request.
 */
public record PageLinks(String path, Map<String, String[]> parameters) {

    public static PageLinks of(HttpServletRequest request) {
        return new PageLinks(request.getRequestURI(), Collections.unmodifiableMap(new LinkedHashMap<>(request.getParameterMap())));
    }

    /** The same page's page {@code page} (the first is 0). */
    public String to(int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        // in the order the request gave them (the servlet container keeps it); encoded once built, so that a search
        // for "{x}" is a value, not a URI template's variable
        parameters.forEach((name, values) -> {
            if (!name.equals("page")) {
                link.queryParam(name, (Object[]) values);
            }
        });
        return link.queryParam("page", Math.max(page, 0)).build().encode().toUriString();
    }
}
