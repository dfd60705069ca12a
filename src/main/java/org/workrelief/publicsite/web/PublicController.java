package org.workrelief.publicsite.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workrelief.publicsite.PostKind;
import org.workrelief.publicsite.PublicSiteService;

/** 公开信息 pages: no login, read-only, phone-first. */
@Controller
class PublicController {

    private final PublicSiteService site;

    PublicController(PublicSiteService site) {
        this.site = site;
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
        return "public/town";
    }
}
