package org.workrelief.message.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.Flash;
import org.workrelief.message.MessageOutbox;

/** 短信发件箱 of the town: the messages not delivered yet, with phone and text, to send by hand and mark as sent. */
@Controller
class OutboxController {

    static final int PAGE = 200;

    private final MessageOutbox outbox;

    private final org.workrelief.message.SummarySettings summaries;

    OutboxController(MessageOutbox outbox, org.workrelief.message.SummarySettings summaries) {
        this.summaries = summaries;
        this.outbox = outbox;
    }

    @GetMapping("/messages")
    String list(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "open") String show, Model model) {
        MessageOutbox.Shown shown = switch (show) {
            case "sent" -> MessageOutbox.Shown.SENT;
            case "expired" -> MessageOutbox.Shown.EXPIRED;
            default -> MessageOutbox.Shown.OPEN;
        };
        model.addAttribute("shown", shown.name());
        model.addAttribute("messages", outbox.list(me, shown, PAGE));
        model.addAttribute("openCount", outbox.count(me, MessageOutbox.Shown.OPEN));
        model.addAttribute("expiredCount", outbox.count(me, MessageOutbox.Shown.EXPIRED));
        model.addAttribute("providerConfigured", outbox.providerConfigured());
        if (me.hasRole(org.workrelief.account.Role.ADMIN)) {
            model.addAttribute("summaryProjects", summaries.projects(me));
        }
        return "message/outbox";
    }

    @GetMapping("/messages/{id}")
    String show(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        model.addAttribute("message", outbox.message(me, id));
        model.addAttribute("attempts", outbox.attempts(me, id));
        return "message/message";
    }

    /** 每日考勤短信 on or off for a project (the town's administrator). */
    @PostMapping("/messages/attendance-summary/{projectId}")
    String switchSummary(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, @RequestParam boolean on,
            RedirectAttributes redirect) {
        summaries.switchSummary(me, projectId, on);
        Flash.success(redirect, on ? "sms.summary.switchedOn" : "sms.summary.switchedOff");
        return "redirect:/messages#attendance-summary";
    }

    @PostMapping("/messages/{id}/sent-by-hand")
    String sentByHand(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam long version,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "sms.outbox.markedSent", () -> outbox.markSentByHand(me, id, version));
        return "redirect:/messages";
    }
}
