package org.workrelief.accountability.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workrelief.account.SignedInUser;
import org.workrelief.accountability.AuditBrowser;
import org.workrelief.accountability.AuditCatalog;
import org.workrelief.accountability.AuditFilter;
import org.workrelief.common.web.PageRequests;
import org.workrelief.project.ProjectService;

/** 审计日志: read-only; there is no way here to change or remove a record. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditBrowser browser;
    private final ProjectService projects;

    AuditController(AuditBrowser browser, ProjectService projects) {
        this.browser = browser;
        this.projects = projects;
    }

    @GetMapping("/audit")
    String list(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) Long projectId,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String action, @RequestParam(defaultValue = "false") boolean signIns,
            @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        AuditFilter filter = new AuditFilter(projectId, entityType, entityId, actor, from, to, action, signIns);
        model.addAttribute("entries", browser.search(me, filter, PageRequests.of(page, PAGE_SIZE, Sort.unsorted()), locale));
        model.addAttribute("filter", filter);
        model.addAttribute("entityTypes", browser.entityTypes(me));
        model.addAttribute("operations", AuditCatalog.OPERATIONS);
        model.addAttribute("projects", projects.search(me, "", null,
                PageRequests.of(0, PageRequests.MAX_SIZE, Sort.by(Sort.Direction.DESC, "id"))).getContent());
        return "audit/list";
    }
}
