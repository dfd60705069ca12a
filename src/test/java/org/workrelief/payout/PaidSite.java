package org.workrelief.payout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.supervision.DailyReview;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.Decision;
import org.workrelief.supervision.DutyRosterService;
import org.workrelief.supervision.QualityResult;
import org.workrelief.supervision.ReviewChecks;
import org.workrelief.supervision.SupervisedSite;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.Fixtures;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.Worker;

/**
 * A project whose week 2025-05-26 to 2025-05-30 is signed in and approved by the committee: four
 * workers of one team at 160 yuan a day, three with five full days (800.00), the last with four and
 * a half (720.00). Staff prepares, a second administrator checks, finance releases.
 */
public record PaidSite(SupervisedSite s, List<Worker> crew, SignedInUser staff, SignedInUser admin, SignedInUser checker,
        SignedInUser finance) {

    public static final LocalDate TODAY = LocalDate.of(2025, 6, 3);
    public static final LocalDate FROM = LocalDate.of(2025, 5, 26);
    public static final LocalDate TO = LocalDate.of(2025, 5, 30);

    public static PaidSite create(SupervisedSites sites, AccountService accounts, DutyRosterService duty,
            DailyReviewService reviews) {
        RegistryFixtures registry = sites.registry();
        SupervisedSite s = sites.create(TODAY);
        List<Worker> crew = new ArrayList<>(List.of(s.site().worker()));
        for (int i = 0; i < 3; i++) {
            crew.add(s.addWorker(registry));
        }
        for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
            duty.setDay(s.site().admin(), s.projectId(), day, List.of(s.onDutyMember().id()), SupervisedSite.PAST_DUTY);
            for (int i = 0; i < crew.size(); i++) {
                if (i == 3 && day.equals(TO)) {
                    s.device(crew.get(i), day, 7, 58, 0, "gate-1");
                }
                else {
                    s.fullDay(crew.get(i), day);
                }
            }
            approve(reviews, s, day);
        }
        Fixtures fixtures = new Fixtures(accounts);
        SignedInUser checker = Principals.of(fixtures.user(Role.ADMIN, s.site().town()));
        SignedInUser finance = Principals.of(fixtures.user(Role.FINANCE, s.site().town()));
        return new PaidSite(s, crew, s.site().staff(), s.site().admin(), checker, finance);
    }

    /** The member on duty accepts every anomaly and approves the day. */
    public static void approve(DailyReviewService reviews, SupervisedSite s, LocalDate day) {
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), day);
        review = reviews.recordChecks(s.onDuty(), review.id(), new ReviewChecks(QualityResult.PASS, null, true, true, true,
                true, null, review.version()));
        for (var anomaly : reviews.page(s.onDuty(), s.projectId(), day).anomalies()) {
            reviews.decide(s.onDuty(), review.id(), anomaly.anomaly().key(), Decision.ACCEPTED, "已核实");
        }
        reviews.approve(s.onDuty(), review.id());
    }

    public long projectId() {
        return s.projectId();
    }
}
