package org.workrelief.dashboard.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.payout.PayoutService;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.DailyReviewService.OverdueDay;
import org.workrelief.supervision.DutyRosterService;

/**
 * The home page every role lands on after sign-in: whose desk this is, the days still awaiting the
 * committee's review, wages unpaid 30 days after their period, and for a committee member their
 * coming duties.
 */
@Controller
class HomeController {

    static final int OVERDUE_LIMIT = 500;
    static final int DUTY_DAYS_AHEAD = 7;
    static final int LATE_LIMIT = 50;

    private final DailyReviewService reviews;
    private final DutyRosterService duty;
    private final PayoutService payouts;

    HomeController(DailyReviewService reviews, DutyRosterService duty, PayoutService payouts) {
        this.reviews = reviews;
        this.duty = duty;
        this.payouts = payouts;
    }

    /** A project's overdue days, oldest first. */
    record OverdueProject(long projectId, String code, String name, List<LocalDate> days) {
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("me", me);
        Map<Long, OverdueProject> byProject = new LinkedHashMap<>();
        for (OverdueDay day : reviews.overdue(me, OVERDUE_LIMIT)) {
            byProject.computeIfAbsent(day.projectId(), id -> new OverdueProject(id, day.projectCode(), day.projectName(),
                    new java.util.ArrayList<>())).days().add(day.day());
        }
        model.addAttribute("overdue", byProject.values());
        model.addAttribute("latePayments", payouts.latePayments(me, LATE_LIMIT));
        if (me.hasRole(Role.SUPERVISOR)) {
            LocalDate today = reviews.today();
            model.addAttribute("today", today);
            model.addAttribute("duties", duty.dutiesOf(me.id(), today.minusDays(1), today.plusDays(DUTY_DAYS_AHEAD)));
        }
        return "dashboard/home";
    }
}
