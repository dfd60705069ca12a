package org.workrelief.account.web;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.AccountService;
import org.workrelief.account.NewTown;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.Flash;
import org.workrelief.common.web.FormErrors;

/** 乡镇管理: the towns of the county; only a county-level administrator adds one. */
@Controller
@RequestMapping("/admin/towns")
class TownAdminController {

    private final AccountService accounts;

    TownAdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("newTown", NewTown.blank());
        return show(me, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal SignedInUser me, @Valid @ModelAttribute NewTown newTown,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors() || !FormErrors.attempt(binding, () -> accounts.createTown(me, newTown))) {
            return show(me, model);
        }
        Flash.success(redirect, "town.created");
        return "redirect:/admin/towns";
    }

    private String show(SignedInUser me, Model model) {
        model.addAttribute("towns", accounts.townsVisibleTo(me));
        model.addAttribute("countyLevel", me.isCountyLevel());
        return "admin/towns";
    }
}
