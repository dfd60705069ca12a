package org.workrelief.supervision.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.web.Flash;
import org.workrelief.project.ProjectService;
import org.workrelief.supervision.CommitteeService;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.DutyRosterService;
import org.workrelief.supervision.MemberKind;

/** 监督委员会: a project's committee, its duty roster (edit, generate, print) and the days awaiting review. */
@Controller
@RequestMapping("/projects/{projectId}/supervision")
class SupervisionController {

    static final int OVERDUE_SHOWN = 60;

    private final ProjectService projects;
    private final CommitteeService committee;
    private final DutyRosterService duty;
    private final DailyReviewService reviews;

    SupervisionController(ProjectService projects, CommitteeService committee, DutyRosterService duty,
            DailyReviewService reviews) {
        this.projects = projects;
        this.committee = committee;
        this.duty = duty;
        this.reviews = reviews;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        YearMonth shown = month == null ? YearMonth.from(reviews.today()) : month;
        model.addAttribute("project", projects.get(me, projectId));
        model.addAttribute("members", committee.members(me, projectId));
        model.addAttribute("kinds", MemberKind.values());
        if (me.hasRole(org.workrelief.account.Role.ADMIN)) {
            model.addAttribute("candidates", committee.candidates(me, projectId));
        }
        model.addAttribute("month", shown);
        model.addAttribute("roster", duty.roster(me, projectId, shown.atDay(1), shown.atEndOfMonth()));
        model.addAttribute("overdue", reviews.overdueOf(me, projectId, OVERDUE_SHOWN));
        LocalDate today = reviews.today();
        model.addAttribute("today", today);
        model.addAttribute("perDay", duty.defaultPerDay());
        // the roster is arranged from today on: this month's generation starts today, not on the 1st
        LocalDate first = shown.atDay(1);
        model.addAttribute("generateFrom", first.isBefore(today) && !shown.atEndOfMonth().isBefore(today) ? today : first);
        return "supervision/page";
    }

    /** The committee box on the project page (loaded by htmx): members and overdue days. */
    @GetMapping("/panel")
    String panel(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, Model model) {
        model.addAttribute("project", projects.get(me, projectId));
        model.addAttribute("overdue", reviews.overdueOf(me, projectId, OVERDUE_SHOWN));
        model.addAttribute("today", reviews.today());
        return "supervision/panel :: panel";
    }

    @GetMapping("/roster/print")
    String print(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        YearMonth shown = month == null ? YearMonth.from(reviews.today()) : month;
        model.addAttribute("project", projects.get(me, projectId));
        model.addAttribute("month", shown);
        model.addAttribute("roster", duty.roster(me, projectId, shown.atDay(1), shown.atEndOfMonth()));
        return "supervision/print";
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/members")
    String addMember(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) Long userId, @RequestParam(required = false) MemberKind kind,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "committee.member.added", () -> {
            if (userId == null) {
                throw new BusinessRuleException("committee.member.required");
            }
            committee.add(me, projectId, userId, kind);
        });
        return "redirect:/projects/" + projectId + "/supervision";
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/members/{memberId}/remove")
    String removeMember(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @PathVariable long memberId, RedirectAttributes redirect) {
        committee.remove(me, projectId, memberId);
        Flash.success(redirect, "committee.member.removed");
        return "redirect:/projects/" + projectId + "/supervision";
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/roster/generate")
    String generate(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "2") int perDay, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return Flash.attempt(redirect, "duty.generated", () -> duty.generate(me, projectId, from, to, perDay, reason))
                ? "redirect:/projects/" + projectId + "/supervision?month=" + YearMonth.from(from)
                : "redirect:/projects/" + projectId + "/supervision";
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/roster/{day}")
    String editDay(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        model.addAttribute("project", projects.get(me, projectId));
        model.addAttribute("day", day);
        model.addAttribute("past", day.isBefore(reviews.today()));
        model.addAttribute("today", reviews.today());
        model.addAttribute("dutyDay", duty.roster(me, projectId, day, day).get(0));
        model.addAttribute("members", committee.members(me, projectId).stream().filter(m -> m.active()).toList());
        return "supervision/day";
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/roster/{day}")
    String saveDay(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(name = "memberIds", required = false) List<Long> memberIds,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Flash.attempt(redirect, "duty.day.saved", () -> duty.setDay(me, projectId, day, memberIds, reason))
                ? "redirect:/projects/" + projectId + "/supervision?month=" + YearMonth.from(day)
                : "redirect:/projects/" + projectId + "/supervision/roster/" + day;
    }
}
