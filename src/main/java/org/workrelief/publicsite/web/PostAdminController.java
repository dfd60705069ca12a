package org.workrelief.publicsite.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.Flash;
import org.workrelief.common.web.PageRequests;
import org.workrelief.project.ProjectService;
import org.workrelief.publicsite.PostKind;
import org.workrelief.publicsite.PublicSiteService;

/** A town administrator's job notices and policy notes for the public site (under /admin: administrators only). */
@Controller
class PostAdminController {

    private final PublicSiteService site;
    private final ProjectService projects;

    PostAdminController(PublicSiteService site, ProjectService projects) {
        this.site = site;
        this.projects = projects;
    }

    @GetMapping("/admin/public-posts")
    String list(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("posts", site.postsOf(me));
        model.addAttribute("kinds", PostKind.values());
        model.addAttribute("projects", projects.search(me, "", null,
                PageRequests.of(0, PageRequests.MAX_SIZE, Sort.by("code"))).getContent());
        model.addAttribute("townId", me.townId());
        return "public/admin";
    }

    @PostMapping("/admin/public-posts")
    String publish(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) PostKind kind,
            @RequestParam(required = false) String title, @RequestParam(required = false) String body,
            @RequestParam(required = false) Long projectId, @RequestParam(required = false) BigDecimal dayRate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openTo,
            RedirectAttributes redirect) {
        if (!Flash.attempt(redirect, "public.published", () -> site.publish(me, new PublicSiteService.PostForm(kind, title, body, projectId, dayRate, openFrom, openTo)))) {
            // refused, nothing saved: the form comes back as typed, to be mended rather than typed again
            var draft = new java.util.HashMap<String, Object>();
            draft.put("kind", kind == null ? null : kind.name());
            draft.put("title", title);
            draft.put("body", body);
            draft.put("projectId", projectId);
            draft.put("dayRate", dayRate == null ? null : dayRate.toPlainString());
            draft.put("openFrom", openFrom == null ? null : openFrom.toString());
            draft.put("openTo", openTo == null ? null : openTo.toString());
            redirect.addFlashAttribute("draft", draft);
        }
        return "redirect:/admin/public-posts";
    }

    @PostMapping("/admin/public-posts/{postId}/withdraw")
    String withdraw(@AuthenticationPrincipal SignedInUser me, @PathVariable long postId, RedirectAttributes redirect) {
        site.withdraw(me, postId);
        Flash.success(redirect, "public.withdrawn");
        return "redirect:/admin/public-posts";
    }
}
