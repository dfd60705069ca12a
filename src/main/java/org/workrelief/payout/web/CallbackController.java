package org.workrelief.payout.web;

import java.math.BigDecimal;

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
import org.workrelief.payout.CallbackCheck;
import org.workrelief.payout.CallbackService;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.project.ProjectService;

/** 回访抽查: the committee member's phone-first call-back list, the answers and the administrator's resolutions. */
@Controller
class CallbackController {

    private final CallbackService callbacks;
    private final PayoutBatches batches;
    private final ProjectService projects;

    CallbackController(CallbackService callbacks, PayoutBatches batches, ProjectService projects) {
        this.callbacks = callbacks;
        this.batches = batches;
        this.projects = projects;
    }

    @GetMapping("/payouts/{batchId}/callbacks")
    String checklist(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, Model model) {
        PayoutBatch batch = batches.batch(me, batchId);
        model.addAttribute("batch", batch);
        model.addAttribute("project", projects.get(me, batch.projectId()));
        model.addAttribute("sample", callbacks.sampleOf(me, batchId).orElse(null));
        model.addAttribute("checks", callbacks.checksOf(me, batchId));
        model.addAttribute("phones", callbacks.phonesFor(me, batchId));
        return "payout/callbacks";
    }

    @PostMapping("/payouts/{batchId}/callbacks/{checkId}")
    String record(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @PathVariable long checkId,
            @RequestParam(defaultValue = "false") boolean reached, @RequestParam(required = false) String worked,
            @RequestParam(required = false) String differsHow, @RequestParam(required = false) String expectedAmount,
            @RequestParam(required = false) String note, @RequestParam long version, RedirectAttributes redirect) {
        Flash.attempt(redirect, reached ? "payout.callback.recorded" : "payout.callback.attempted",
                () -> callbacks.record(me, checkId, new CallbackService.Answer(reached, worked, differsHow,
                        amount(expectedAmount), note, version)));
        return "redirect:/payouts/" + batchId + "/callbacks";
    }

    /**
     * An administrator resolves an answer that differs: {@code kind} CORRECTED (the line was corrected since) or
     * DECIDED (a written decision); back to the check on the call-back list.
     */
    @PostMapping("/payouts/{batchId}/callbacks/{checkId}/resolve")
    String resolve(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @PathVariable long checkId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String resolution,
            @RequestParam long version, RedirectAttributes redirect) {
        Flash.attempt(redirect, CallbackCheck.CORRECTED.equals(kind) ? "payout.callback.correctedDone"
                : "payout.callback.resolvedDone", () -> callbacks.resolve(me, checkId, kind, resolution, version));
        return "redirect:/payouts/" + batchId + "/callbacks#check-" + checkId;
    }

    private static BigDecimal amount(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.trim().replace(",", ""));
        }
        catch (NumberFormatException e) {
            throw new BusinessRuleException("payout.callback.amount");
        }
    }
}
