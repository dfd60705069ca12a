package org.workrelief.common.web;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page may use: the path of the current page (the language switch returns to it), the links to its
 * other pages (a list's pager), and the zone in which times are shown (the clock's, the projects' zone, whatever the
 * browser's or server's zone).
 */
@ControllerAdvice
class LayoutModelAdvice {

    private final Clock clock;

    LayoutModelAdvice(Clock clock) {
        this.clock = clock;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    @ModelAttribute("pageLinks")
    PageLinks pageLinks(HttpServletRequest request) {
        return PageLinks.of(request);
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return clock.getZone();
    }
}
