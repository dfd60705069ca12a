package org.workrelief.account.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.workrelief.account.SignedInUser;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(@AuthenticationPrincipal SignedInUser user) {
        return user == null ? "account/login" : "redirect:/";
    }
}
