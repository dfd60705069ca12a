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
import org.workrelief.account.PasswordChange;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.Flash;
import org.workrelief.common.web.FormErrors;

/** Every user changes their own password here. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

    private static final String VIEW = "account/password";

    private final AccountService accounts;

    PasswordController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("passwordChange", PasswordChange.blank());
        return VIEW;
    }

    @PostMapping
    String change(@AuthenticationPrincipal SignedInUser me, @Valid @ModelAttribute PasswordChange passwordChange,
            BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors() || !FormErrors.attempt(binding, () -> accounts.changeOwnPassword(me, passwordChange))) {
            return VIEW;
        }
        Flash.success(redirect, "password.changed");
        return "redirect:/";
    }
}
