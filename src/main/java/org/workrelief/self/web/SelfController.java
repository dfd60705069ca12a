package org.workrelief.self.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workrelief.common.web.Flash;
import org.workrelief.common.web.FormErrors;
import org.workrelief.self.SelfRecord;
import org.workrelief.self.SelfSession;
import org.workrelief.self.SelfSessions;
import org.workrelief.self.SelfSignIn;

/**
 * 本人查询: the public lookup page (worker code or ID number, and PIN) and, in the worker's own session,
 * their projects and pay, a month's days, and the pay slip of a line. Every page reads only the
 * session's worker; a page without a live session goes back to the lookup.
 */
@Controller
class SelfController {

    private final SelfSignIn signIn;
    private final SelfSessions sessions;
    private final SelfRecord record;

    private final org.workrelief.self.SelfComplaints complaints;

    SelfController(SelfSignIn signIn, SelfSessions sessions, SelfRecord record,
            org.workrelief.self.SelfComplaints complaints) {
        this.complaints = complaints;
        this.signIn = signIn;
        this.sessions = sessions;
        this.record = record;
    }

    /** What the lookup form sends. The PIN is never sent back to the page. */
    record LookupForm(String who, String pin) {
    }

    @GetMapping("/self")
    String lookup(@RequestParam(required = false) String code, @RequestParam(required = false) String ended,
            HttpServletRequest request, Model model) {
        if (current(request) != null) {
            return "redirect:/self/home";
        }
        model.addAttribute("who", code == null ? "" : code.trim());
        model.addAttribute("ended", ended);
        return "self/lookup";
    }

    @PostMapping("/self")
    String lookup(LookupForm form, HttpServletRequest request, Model model) {
        return FormErrors.result(model, () -> signIn.signIn(form.who(), form.pin(), request.getRemoteAddr()))
                .map(session -> {
                    sessions.start(request, session);
                    return "redirect:/self/home";
                }).orElseGet(() -> {
                    String who = form.who() == null ? "" : form.who().trim();
                    // a typed ID number is not written back into the page
                    model.addAttribute("who", who.length() > 12 ? "" : who);
                    return "self/lookup";
                });
    }

    @GetMapping("/self/home")
    String home(HttpServletRequest request, Model model) {
        SelfSession session = current(request);
        if (session == null) {
            return ended();
        }
        model.addAttribute("overview", record.overview(session, request.getRemoteAddr()));
        model.addAttribute("complaints", complaints.mine(session));
        model.addAttribute("kinds", org.workrelief.complaint.ComplaintKind.values());
        return "self/home";
    }

    /** 我要反映问题: filed for the session's worker only; said back with its number, or why not. */
    @PostMapping("/self/complaints")
    String complain(@RequestParam(required = false) String kind, @RequestParam(required = false) Long lineId,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate day,
            @RequestParam(required = false) String content, @RequestParam(required = false) String contact,
            HttpServletRequest request, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        SelfSession session = current(request);
        if (session == null) {
            return ended();
        }
        Flash.result(redirect, null, () -> complaints.file(session,
                new org.workrelief.self.SelfComplaints.Form(kind, lineId, day, content, contact)))
                .ifPresent(number -> Flash.success(redirect, "self.complaint.filed", number));
        return "redirect:/self/home#self-complaints";
    }

    @GetMapping("/self/month")
    String month(@RequestParam(required = false) Long project, @RequestParam(required = false) String month,
            HttpServletRequest request, Model model) {
        SelfSession session = current(request);
        if (session == null) {
            return ended();
        }
        model.addAttribute("m", record.month(session, project, parse(month), request.getRemoteAddr()));
        return "self/month";
    }

    @GetMapping("/self/slip/{lineId}")
    String slip(@PathVariable long lineId, HttpServletRequest request, Model model) {
        SelfSession session = current(request);
        if (session == null) {
            return ended();
        }
        model.addAttribute("slip", record.slip(session, lineId, request.getRemoteAddr()));
        return "self/slip";
    }

    @PostMapping("/self/sign-out")
    String signOut(HttpServletRequest request) {
        sessions.end(request);
        return "redirect:/self?ended=signedOut";
    }

    private static String ended() {
        return "redirect:/self?ended=idle";
    }

    private SelfSession current(HttpServletRequest request) {
        return sessions.current(request);
    }

    private static YearMonth parse(String month) {
        try {
            return month == null || month.isBlank() ? null : YearMonth.parse(month);
        }
        catch (DateTimeParseException malformed) {
            return null;
        }
    }
}
