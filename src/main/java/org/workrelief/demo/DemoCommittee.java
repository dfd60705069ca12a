package org.workrelief.demo;

import java.time.LocalDate;
import java.util.List;

import org.workrelief.account.AccountService;
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
 * A demo project's village supervision committee: a cadre (js-supervisor), a senior party member
 * (js-supervisor2) and a villager representative (js-supervisor3) on a two-a-day rotation, who
 * review the days the way the committee would: checks pass, roll-call sign-ins and half days
 * accepted after checking on site.
 */
final class DemoCommittee {

    private final AccountService accounts;
    private final CommitteeService committee;
    private final DutyRosterService duty;
    private final DailyReviewService reviews;

    DemoCommittee(AccountService accounts, CommitteeService committee, DutyRosterService duty,
            DailyReviewService reviews) {
        this.accounts = accounts;
        this.committee = committee;
        this.duty = duty;
        this.reviews = reviews;
    }

    /** The three members, on duty in turn from {@code from} to {@code to}; returns cadre, party member, villager. */
    List<CommitteeMember> appoint(SignedInUser townAdmin, long projectId, LocalDate from, LocalDate to) {
        CommitteeMember cadre = committee.add(townAdmin, projectId, accounts.principalOf("js-supervisor").id(),
                MemberKind.CADRE);
        CommitteeMember party = committee.add(townAdmin, projectId, accounts.principalOf("js-supervisor2").id(),
                MemberKind.PARTY_MEMBER);
        CommitteeMember villager = committee.add(townAdmin, projectId, accounts.principalOf("js-supervisor3").id(),
                MemberKind.VILLAGER_REP);
        duty.generate(townAdmin, projectId, from, to, 2);
        return List.of(cadre, party, villager);
    }

    void setDay(SignedInUser townAdmin, long projectId, LocalDate day, List<CommitteeMember> members) {
        duty.setDay(townAdmin, projectId, day, members.stream().map(CommitteeMember::id).toList());
    }

    /** The first member on duty reviews the day: checks pass, roll-call sign-ins and half days accepted. */
    void approve(long projectId, LocalDate day) {
        DutyDay onDuty = duty.roster(accounts.principalOf("js-admin"), projectId, day, day).get(0);
        SignedInUser member = accounts.principalOf(onDuty.members().get(0).username());
        DailyReview review = reviews.open(member, projectId, day);
        review = reviews.recordChecks(member, review.id(), new ReviewChecks(QualityResult.PASS, "工程质量符合设计要求，现场文明施工",
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
