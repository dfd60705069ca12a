package org.workrelief.dashboard.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.accountability.AuditChainVerifier;
import org.workrelief.complaint.ComplaintService;
import org.workrelief.payout.PayoutQueries;
import org.workrelief.payout.PayoutQueries.LateBatch;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.DutyRosterService;
import org.workrelief.worker.EnrollmentService;

/**
 * The home page every role lands on after sign-in: whose desk this is, the days still awaiting the
 * committee's review, batches with wages unpaid 30 days after their period, and for a committee
 * member their coming duties.
 */
@Controller
class HomeController {

    /**
     * A county holds hundreds of projects: the home page lists the ones with the oldest overdue days
     * and the oldest late batches, and counts the rest (the overview has every project's figures).
     */
    static final int OVERDUE_PROJECTS = 20;
    static final int OVERDUE_DAYS_EACH = 7;
    static final int LATE_BATCHES = 20;
    static final int DUTY_DAYS_AHEAD = 7;
    static final int EXPIRING_INSURANCE = 20;
    static final int FINANCE_BATCHES = 20;
    static final int COMPLAINTS = 10;

    private final DailyReviewService reviews;
    private final DutyRosterService duty;
    private final PayoutQueries payouts;
    private final EnrollmentService enrollments;
    private final ComplaintService complaints;
    private final AuditChainVerifier auditChains;

    HomeController(DailyReviewService reviews, DutyRosterService duty, PayoutQueries payouts,
            EnrollmentService enrollments, ComplaintService complaints, AuditChainVerifier auditChains) {
        this.auditChains = auditChains;
        this.complaints = complaints;
        this.reviews = reviews;
        this.duty = duty;
        this.payouts = payouts;
        this.enrollments = enrollments;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("overdue", reviews.overdueByProject(me, OVERDUE_PROJECTS, OVERDUE_DAYS_EACH));
        // one more than shown: whether to say that only the oldest are listed
        List<LateBatch> late = payouts.lateBatches(me, LATE_BATCHES + 1);
        model.addAttribute("lateBatches", late.subList(0, Math.min(late.size(), LATE_BATCHES)));
        model.addAttribute("moreLateBatches", late.size() > LATE_BATCHES);
        model.addAttribute("listedAtMost", LATE_BATCHES);
        if (me.hasRole(Role.SUPERVISOR)) {
            LocalDate today = reviews.today();
            model.addAttribute("today", today);
            model.addAttribute("duties", duty.dutiesOf(me.id(), today.minusDays(1), today.plusDays(DUTY_DAYS_AHEAD)));
        }
        expiringInsurance(me, model);
        if (me.hasRole(Role.FINANCE)) {
            financeDesk(me, model);
        }
        complaints(me, model);
        if (me.hasRole(Role.ADMIN)) { // the latest check of the audit log found a chain broken (issue 19)
            model.addAttribute("auditChainBroken", auditChains.latestBroken(me).orElse(null));
        }
        return "dashboard/home";
    }

    /**
     * For those who keep the roster (ADMIN, STAFF): workers whose accident insurance ends within the
     * week, who, on which project, on which day; one statement, the soonest first.
     */
    private void expiringInsurance(SignedInUser me, Model model) {
        if (me.hasRole(Role.ADMIN) || me.hasRole(Role.STAFF)) {
            model.addAttribute("expiringInsurance", enrollments.expiringInsurance(me, EXPIRING_INSURANCE));
            model.addAttribute("insuranceToday", enrollments.today());
        }
    }

    /**
     * 维权投诉: overdue complaints escalate to the administrators (the county's sees every town's); a clerk
     * sees the open complaints they own, the nearest deadline first.
     */
    private void complaints(SignedInUser me, Model model) {
        if (me.hasRole(Role.ADMIN) || me.hasRole(Role.STAFF)) {
            model.addAttribute("overdueComplaints", complaints.overdue(me, COMPLAINTS));
            model.addAttribute("myComplaints", complaints.openOwnedBy(me, COMPLAINTS));
            model.addAttribute("complaintsToday", complaints.today());
            model.addAttribute("complaintsListedAtMost", COMPLAINTS);
        }
    }

    /** Finance's desk: batches to release, released ones awaiting the bank, and failed lines to pay again. */
    private void financeDesk(SignedInUser me, Model model) {
        model.addAttribute("financeDesk", payouts.financeDesk(me, FINANCE_BATCHES));
        model.addAttribute("financeListedAtMost", FINANCE_BATCHES);
    }
}
