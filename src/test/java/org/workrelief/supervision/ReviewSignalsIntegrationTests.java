package org.workrelief.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workrelief.support.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.EnrollmentForm;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.RecruitmentSource;
import org.workrelief.worker.Worker;

/**
 * Issue 17's reproduction: a clerk enrolls a person back-dated ten days and sends two terminal
 * sign-ins for a past day; the day's review shows both signals and cannot be approved until the
 * committee has decided them. A worker's first day is shown but holds nothing up.
 */
@IntegrationTest
class ReviewSignalsIntegrationTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 10);
    private static final LocalDate PAST_DAY = TODAY.minusDays(2);

    @Autowired SupervisedSites sites;
    @Autowired RegistryFixtures registry;
    @Autowired EnrollmentService enrollments;
    @Autowired DailyReviewService reviews;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;

    @Test
    void aBackDatedEnrollmentWithLateTerminalSignInsHoldsUpTheDayUntilBothAreDecided() throws Exception {
        clock.set(SupervisedSite.at(TODAY, 10, 0, 0));
        SupervisedSite s = sites.create(PAST_DAY); // the cadre was on duty that day
        s.fullDay(s.site().worker(), PAST_DAY);
        Worker person = registry.worker(s.site().staff(), s.site().town());
        LocalDate tenDaysAgo = TODAY.minusDays(10);
        enrollments.enroll(s.site().staff(), s.projectId(), person.getId(), new EnrollmentForm(s.site().team().getId(),
                RecruitmentSource.ADDED, tenDaysAgo, tenDaysAgo, tenDaysAgo, TODAY.plusDays(60), "中国人寿",
                "POL-" + person.getId(), tenDaysAgo, TODAY.plusDays(60), 0));
        s.sentLate(person, PAST_DAY, 7, 55, 0, "gate-7");
        s.sentLate(person, PAST_DAY, 17, 5, 0, "gate-7");

        DailyReview review = reviews.open(s.onDuty(), s.projectId(), PAST_DAY);
        review = reviews.recordChecks(s.onDuty(), review.id(), new ReviewChecks(QualityResult.PASS, null, true, true,
                true, true, null, review.version()));
        DailyReviewService.ReviewPage page = reviews.page(s.onDuty(), s.projectId(), PAST_DAY);
        assertThat(page.anomalies()).extracting(a -> a.anomaly().key()).containsExactlyInAnyOrder(
                "BACKDATED_ENROLLMENT:w" + person.getId(), "LATE_ARRIVAL:DEVICE:gate-7");
        assertThat(page.undecided()).isEqualTo(2);
        mvc.perform(get("/projects/{p}/reviews/{d}", s.projectId(), PAST_DAY).with(user(s.onDuty())))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("补录务工登记"),
                        containsString("签到延迟上传"), containsString("首日出勤"), containsString("gate-7"))));
        mvc.perform(get("/projects/{p}/reviews/{d}", s.projectId(), PAST_DAY).param("lang", "en")
                .with(user(s.onDuty()))).andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("Back-dated enrollment"), containsString("Sign-ins received late"),
                        containsString("First day on the project"))));

        long reviewId = review.id();
        assertRefused(() -> reviews.approve(s.onDuty(), reviewId), "review.undecided");
        reviews.decide(s.onDuty(), reviewId, "BACKDATED_ENROLLMENT:w" + person.getId(), Decision.REJECTED,
                "进场前未见本人，登记为事后补录");
        assertRefused(() -> reviews.approve(s.onDuty(), reviewId), "review.undecided");
        reviews.decide(s.onDuty(), reviewId, "LATE_ARRIVAL:DEVICE:gate-7", Decision.REJECTED, "设备记录为事后补传");
        assertThat(reviews.approve(s.onDuty(), reviewId).status()).isEqualTo(ReviewStatus.APPROVED);
    }

    @Test
    void aFirstDayIsShownButNeedsNoDecisionAndCannotBeDecided() {
        clock.set(SupervisedSite.at(TODAY, 21, 30, 0));
        SupervisedSite s = sites.create(TODAY);
        s.fullDay(s.site().worker(), TODAY);
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), TODAY);
        review = reviews.recordChecks(s.onDuty(), review.id(), new ReviewChecks(QualityResult.PASS, null, true, true,
                true, true, null, review.version()));
        DailyReviewService.ReviewPage page = reviews.page(s.onDuty(), s.projectId(), TODAY);
        assertThat(page.findings().information()).extracting(Anomaly::kind).containsExactly(AnomalyKind.FIRST_DAY);
        assertThat(page.anomalies()).isEmpty();
        assertThat(page.undecided()).isZero();
        long reviewId = review.id();
        assertRefused(() -> reviews.decide(s.onDuty(), reviewId, "FIRST_DAY", Decision.REJECTED, "不认"),
                "review.anomaly.gone");
        assertThat(reviews.approve(s.onDuty(), reviewId).status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(List.of(AnomalyKind.values())).filteredOn(k -> !k.blocking()).containsExactly(AnomalyKind.FIRST_DAY);
    }
}
