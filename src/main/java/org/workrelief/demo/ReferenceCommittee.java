package org.workrelief.demo;

import java.time.LocalDate;
import java.util.List;

import org.workrelief.account.AccountService;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.supervision.CommitteeMember;
import org.workrelief.supervision.CommitteeService;
import org.workrelief.supervision.DailyReview;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.Decision;
import org.workrelief.supervision.DutyDay;
import org.workrelief.supervision.DutyRosterService;
import org.workrelief.supervision.MemberKind;
import org.workrelief.supervision.QualityResult;
import org.workrelief.supervision.ReviewChecks;

/**
 * The reference project's village supervision committee: a cadre (js-supervisor), a senior party
 * member and a villager representative on a two-a-day rotation; the older demo days reviewed and
 * approved, the last two left for js-supervisor, who is on duty then and today.
 */
final class ReferenceCommittee {

    /** The last days before today left unreviewed, for js-supervisor. */
    static final int LEFT_FOR_REVIEW = 2;

    private final AccountService accounts;
    private final CommitteeService committee;
    private final DutyRosterService duty;
    private final DailyReviewService reviews;

    ReferenceCommittee(AccountService accounts, CommitteeService committee, DutyRosterService duty,
            DailyReviewService reviews) {
        this.accounts = accounts;
        this.committee = committee;
        this.duty = duty;
        this.reviews = reviews;
    }

    void load(SignedInUser townAdmin, long projectId, LocalDate today, int attendanceDays) {
        long townId = townAdmin.townId();
        accounts.createInitialUser("js-supervisor2", "王德福", DemoData.DEMO_PASSWORD, Role.SUPERVISOR, townId);
        accounts.createInitialUser("js-supervisor3", "李秀英", DemoData.DEMO_PASSWORD, Role.SUPERVISOR, townId);
        CommitteeMember cadre = committee.add(townAdmin, projectId, accounts.principalOf("js-supervisor").id(),
                MemberKind.CADRE);
        committee.add(townAdmin, projectId, accounts.principalOf("js-supervisor2").id(), MemberKind.PARTY_MEMBER);
        CommitteeMember villager = committee.add(townAdmin, projectId, accounts.principalOf("js-supervisor3").id(),
                MemberKind.VILLAGER_REP);
        LocalDate first = today.minusDays(attendanceDays);
        duty.generate(townAdmin, projectId, first, today.plusMonths(1).withDayOfMonth(today.plusMonths(1).lengthOfMonth()), 2);
        for (LocalDate day = today.minusDays(LEFT_FOR_REVIEW); !day.isAfter(today); day = day.plusDays(1)) {
            duty.setDay(townAdmin, projectId, day, List.of(cadre.id(), villager.id()));
        }
        for (LocalDate day = first; day.isBefore(today.minusDays(LEFT_FOR_REVIEW)); day = day.plusDays(1)) {
            approve(projectId, day);
        }
    }

    /** The first member on duty reviews the day: checks pass, roll-call sign-ins and half days accepted. */
    private void approve(long projectId, LocalDate day) {
        DutyDay onDuty = duty.roster(accounts.principalOf("js-admin"), projectId, day, day).get(0);
        SignedInUser member = accounts.principalOf(onDuty.members().get(0).username());
        DailyReview review = reviews.open(member, projectId, day);
        review = reviews.recordChecks(member, review.id(), new ReviewChecks(QualityResult.PASS, "塘埂夯实，护坡平整",
                true, true, true, true, null, review.version()));
        for (var anomaly : reviews.page(member, projectId, day).anomalies()) {
            String reason = switch (anomaly.anomaly().kind()) {
                case HAND_RECORDED -> "班组长点名签到，值班时现场核实人数一致";
                case HALF_DAY -> "下午请假，已核实";
                default -> "已现场核实";
            };
            reviews.decide(member, review.id(), anomaly.anomaly().key(), Decision.ACCEPTED, reason);
        }
        reviews.approve(member, review.id());
    }
}
