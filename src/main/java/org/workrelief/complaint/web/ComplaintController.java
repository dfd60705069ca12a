package org.workrelief.complaint.web;

import java.time.LocalDate;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.workrelief.common.web.PageRequests;
import org.workrelief.complaint.Complaint;
import org.workrelief.complaint.ComplaintChannel;
import org.workrelief.complaint.ComplaintKind;
import org.workrelief.complaint.ComplaintService;
import org.workrelief.complaint.ComplaintStatus;

/** 维权/诉求: the list, the form a clerk fills in for a complaint taken by phone or in person, one complaint. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
class ComplaintController {

    private final ComplaintService complaints;

    ComplaintController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @GetMapping("/complaints")
    String list(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
            Model model) {
        ComplaintStatus shown = null;
        for (ComplaintStatus s : ComplaintStatus.values()) {
            if (s.name().equals(status)) {
                shown = s;
            }
        }
        model.addAttribute("page", complaints.list(me, shown, overdue,
                PageRequests.of(page, PageRequests.DEFAULT_SIZE, Sort.unsorted())));
        model.addAttribute("status", shown == null ? "" : shown.name());
        model.addAttribute("overdue", overdue);
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("today", complaints.today());
        return "complaint/list";
    }

    /** The form: first the worker's code, then (the worker found) what the complaint is about. */
    @GetMapping("/complaints/new")
    String form(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", code == null ? "" : code.trim());
        model.addAttribute("kinds", ComplaintKind.values());
        model.addAttribute("deadlineDays", complaints.deadlineWorkingDays());
        complaints.workerByCode(me, code).ifPresentOrElse(worker -> {
            model.addAttribute("worker", worker);
            model.addAttribute("lines", complaints.linesOf(worker));
            model.addAttribute("owners", complaints.ownersOf(worker.getTownId()));
            model.addAttribute("me", me);
        }, () -> model.addAttribute("notFound", code != null && !code.isBlank()));
        return "complaint/new";
    }

    @PostMapping("/complaints")
    String record(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String code,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String kind,
            @RequestParam(required = false) Long lineId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate workDate,
            @RequestParam(required = false) String content, @RequestParam(required = false) String contact,
            @RequestParam(required = false) String owner, RedirectAttributes redirect) {
        return Flash.result(redirect, "complaint.recorded", () -> complaints.record(me, new ComplaintService.NewComplaint(code,
                "IN_PERSON".equals(channel) ? ComplaintChannel.IN_PERSON : ComplaintChannel.PHONE,
                ComplaintKind.parse(kind), lineId, workDate, content, contact, owner)))
                .map(c -> "redirect:/complaints/" + c.id()).orElseGet(() -> {
                    redirect.addAttribute("code", code == null ? "" : code);
                    return "redirect:/complaints/new";
                });
    }

    @GetMapping("/complaints/{id}")
    String show(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        Complaint c = complaints.get(me, id);
        model.addAttribute("complaint", c);
        model.addAttribute("history", complaints.history(me, id));
        model.addAttribute("today", complaints.today());
        model.addAttribute("mayAct", c.open() && (me.getUsername().equals(c.owner())
                || me.hasRole(org.workrelief.account.Role.ADMIN)));
        model.addAttribute("mayReassign", c.open() && me.hasRole(org.workrelief.account.Role.ADMIN));
        model.addAttribute("owners", complaints.ownersOf(c.townId()));
        return "complaint/show";
    }

    @PostMapping("/complaints/{id}/start")
    String start(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam long version,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "complaint.started", () -> complaints.start(me, id, version));
        return "redirect:/complaints/" + id;
    }

    @PostMapping("/complaints/{id}/resolve")
    String resolve(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        Flash.attempt(redirect, "complaint.resolved", () -> complaints.resolve(me, id, answer, version));
        return "redirect:/complaints/" + id;
    }

    @PostMapping("/complaints/{id}/reject")
    String reject(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Flash.attempt(redirect, "complaint.rejected", () -> complaints.reject(me, id, reason, version));
        return "redirect:/complaints/" + id;
    }

    @PostMapping("/complaints/{id}/owner")
    String reassign(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) String owner, RedirectAttributes redirect) {
        Flash.attempt(redirect, "complaint.reassigned", () -> complaints.reassign(me, id, owner, version));
        return "redirect:/complaints/" + id;
    }
}
