package org.workrelief.accountability.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.accountability.AuditChainVerifier;
import org.workrelief.accountability.AuditChainVerifier.Check;
import org.workrelief.common.web.Flash;

/**
 * 审计日志完整性校验: the latest checks of the audit log's hash chains (the daily job's, the operator's
 * and those run here), up to which entry, when, and the first entry of each broken chain; and 立即校验.
 * A county administrator checks every chain, a town's administrator the town's and its projects'.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditIntegrityController {

    static final int CHECKS_SHOWN = 10;

    private final AuditChainVerifier verifier;

    AuditIntegrityController(AuditChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/audit/integrity")
    String page(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("checks", verifier.latest(me, CHECKS_SHOWN));
        model.addAttribute("me", me);
        return "audit/integrity";
    }

    @PostMapping("/audit/integrity")
    String run(@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        Check check = verifier.verifyFor(me);
        if (check.intact()) {
            Flash.success(redirect, "audit.integrity.ran.intact");
        }
        else {
            Flash.failure(redirect, "audit.integrity.ran.broken");
        }
        return "redirect:/audit/integrity";
    }
}
