package org.workrelief.publicsite.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.workrelief.common.audit.AuditChainHeads;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workrelief.complaint.ComplaintBoards;
import org.springframework.web.bind.annotation.PathVariable;
import org.workrelief.publicsite.PostKind;
import org.workrelief.publicsite.PublicSiteService;

/** 公开信息 pages: no login, read-only, phone-first. */
@Controller
class PublicController {

    private final PublicSiteService site;

    private final ComplaintBoards boards;
    private final AuditChainHeads auditChains;
    private final Clock clock;

    PublicController(PublicSiteService site, ComplaintBoards boards, AuditChainHeads auditChains, Clock clock) {
        this.auditChains = auditChains;
        this.clock = clock;
        this.site = site;
        this.boards = boards;
    }

    @GetMapping("/public")
    String towns(Model model) {
        model.addAttribute("towns", site.towns());
        return "public/towns";
    }

    @GetMapping("/public/towns/{townId}")
    String town(@PathVariable long townId, Model model) {
        model.addAttribute("townName", site.townName(townId));
        model.addAttribute("projects", site.projectsOf(townId));
        model.addAttribute("jobs", site.publishedPosts(townId, PostKind.JOB));
        model.addAttribute("policies", site.publishedPosts(townId, PostKind.POLICY));
        model.addAttribute("notices", site.notices(townId));
        model.addAttribute("townId", townId);
        model.addAttribute("complaintBoard", boards.of(townId).orElse(null));
        // where the town's audit chains stood at the end of yesterday, to compare later (issue 19)
        model.addAttribute("auditChains", auditChains.townChainsAtEndOf(townId, site.projectNames(townId),
                LocalDate.now(clock).minusDays(1)));
        return "public/town";
    }

    /** 维权信息告示牌: where to complain, printable for the site board. */
    @GetMapping("/public/towns/{townId}/complaint-board")
    String complaintBoard(@PathVariable long townId, Model model) {
        model.addAttribute("townName", site.townName(townId));
        model.addAttribute("townId", townId);
        model.addAttribute("board", boards.of(townId).orElse(null));
        model.addAttribute("deadlineDays", boards.deadlineWorkingDays());
        return "public/complaint-board";
    }
}
