package org.workrelief.dashboard.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workrelief.account.SignedInUser;

/** The home page every role lands on after sign-in; shows whose desk this is (town and role). */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("me", me);
        return "dashboard/home";
    }
}
