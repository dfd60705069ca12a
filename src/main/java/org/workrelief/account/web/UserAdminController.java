package org.workrelief.account.web;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.AccountService;
import org.workrelief.account.NewUser;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.UserAccount;
import org.workrelief.account.UserChanges;
import org.workrelief.common.web.Flash;
import org.workrelief.common.web.FormErrors;
import org.workrelief.common.web.PageRequests;

/** 用户管理: administrators list, create and change the accounts of their town (county: all towns). */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final AccountService accounts;

    UserAdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        model.addAttribute("users", accounts.findUsers(me, q, PageRequests.of(page, size, Sort.by("username"))));
        model.addAttribute("q", q);
        return "admin/users";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("newUser", new NewUser("", "", Role.STAFF, me.townId(), ""));
        return showNewForm(me, model);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal SignedInUser me, @Valid @ModelAttribute NewUser newUser,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return showNewForm(me, model);
        }
        return FormErrors.result(binding, () -> accounts.createUser(me, newUser)).map(created -> {
            Flash.success(redirect, "user.created");
            return "redirect:/admin/users/" + created.getId();
        }).orElseGet(() -> showNewForm(me, model));
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        UserAccount user = accounts.getUser(me, id);
        model.addAttribute("userChanges", UserChanges.of(user));
        return showEditForm(me, model, user);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @Valid @ModelAttribute UserChanges userChanges, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        UserAccount user = accounts.getUser(me, id);
        if (binding.hasErrors() || !FormErrors.attempt(binding, () -> accounts.updateUser(me, id, userChanges))) {
            return showEditForm(me, model, user);
        }
        Flash.success(redirect, "user.updated");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            RedirectAttributes redirect) {
        String temporary = accounts.resetPassword(me, id);
        redirect.addFlashAttribute("temporaryPassword", temporary);
        return "redirect:/admin/users/" + id;
    }

    private String showNewForm(SignedInUser me, Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("towns", accounts.townsVisibleTo(me));
        model.addAttribute("countyLevel", me.isCountyLevel());
        return "admin/user-new";
    }

    private String showEditForm(SignedInUser me, Model model, UserAccount user) {
        model.addAttribute("user", user);
        model.addAttribute("locked", accounts.isLocked(user));
        model.addAttribute("roles", Role.values());
        model.addAttribute("towns", accounts.townsVisibleTo(me));
        model.addAttribute("countyLevel", me.isCountyLevel());
        return "admin/user-edit";
    }
}
