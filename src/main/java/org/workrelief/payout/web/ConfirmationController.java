package org.workrelief.payout.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.web.Flash;
import org.workrelief.payout.ConfirmationService;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutService;
import org.workrelief.project.ProjectService;

/** 互证签字确认: a team's lines with their two confirmations, entered from the signed sheet, and the sheet to print. */
@Controller
class ConfirmationController {

    private final PayoutService payouts;
    private final ConfirmationService confirmations;
    private final ProjectService projects;

    ConfirmationController(PayoutService payouts, ConfirmationService confirmations, ProjectService projects) {
        this.payouts = payouts;
        this.confirmations = confirmations;
        this.projects = projects;
    }

    @GetMapping("/payouts/{batchId}/teams/{teamId}")
    String team(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @PathVariable long teamId,
            Model model) {
        return teamPage(me, batchId, teamId, model, "payout/team");
    }

    @GetMapping("/payouts/{batchId}/teams/{teamId}/sheet")
    String sheet(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @PathVariable long teamId,
            Model model) {
        return teamPage(me, batchId, teamId, model, "payout/sheet");
    }

    private String teamPage(SignedInUser me, long batchId, long teamId, Model model, String view) {
        PayoutBatch batch = payouts.batch(me, batchId);
        var lines = confirmations.team(me, batchId, teamId);
        model.addAttribute("batch", batch);
        model.addAttribute("project", projects.get(me, batch.projectId()));
        model.addAttribute("lines", lines);
        // one list of witnesses for all the lines (a <datalist>), not a list per line
        model.addAttribute("witnesses", ConfirmationService.witnessList(lines));
        model.addAttribute("teamId", teamId);
        model.addAttribute("teamName", lines.isEmpty() ? "" : lines.get(0).line().teamName());
        // the totals the bank file leaves out, on the sheet that is signed and filed
        model.addAttribute("sheetTotal", PayoutService.overall(lines.stream().map(t -> t.line()).toList()));
        return view;
    }

    /** One confirmation: the witness by id, or as entered from the page's list ({@code witness}: code and name). */
    @PostMapping("/payouts/lines/{lineId}/confirmations")
    String confirm(@AuthenticationPrincipal SignedInUser me, @PathVariable long lineId, @RequestParam long batchId,
            @RequestParam long teamId, @RequestParam(required = false) Long witnessId,
            @RequestParam(required = false) String witness, @RequestParam(required = false) String sheetRef,
            RedirectAttributes redirect) {
        try {
            if (witnessId != null) {
                confirmations.confirm(me, lineId, witnessId, sheetRef);
            }
            else {
                confirmations.confirm(me, lineId, witness, sheetRef);
            }
            Flash.success(redirect, "payout.confirm.recorded");
        }
        catch (BusinessRuleException refused) {
            Flash.refused(redirect, refused);
        }
        return back(batchId, teamId) + "#line-" + lineId;
    }

    @PostMapping("/payouts/confirmations/{confirmationId}/remove")
    String remove(@AuthenticationPrincipal SignedInUser me, @PathVariable long confirmationId, @RequestParam long batchId,
            @RequestParam long teamId, RedirectAttributes redirect) {
        Flash.attempt(redirect, "payout.confirm.removed", () -> confirmations.remove(me, confirmationId));
        return back(batchId, teamId);
    }

    @PostMapping("/payouts/{batchId}/teams/{teamId}/pairs")
    String pairs(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @PathVariable long teamId,
            @RequestParam(required = false) String sheetRef, RedirectAttributes redirect) {
        try {
            int recorded = confirmations.confirmTeamInPairs(me, batchId, teamId, sheetRef);
            redirect.addFlashAttribute("success", "payout.confirm.pairsRecorded");
            redirect.addFlashAttribute("successArgs", new Object[] { recorded });
        }
        catch (BusinessRuleException refused) {
            Flash.refused(redirect, refused);
        }
        return back(batchId, teamId);
    }

    private static String back(long batchId, long teamId) {
        return "redirect:/payouts/" + batchId + "/teams/" + teamId;
    }
}
