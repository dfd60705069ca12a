package org.workrelief.supervision;

import static org.workrelief.support.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.workrelief.attendance.AttendanceLocks;
import org.workrelief.attendance.AttendanceSettings;
import org.workrelief.attendance.SlotWindows;
import org.workrelief.attendance.DayStatus;
import org.workrelief.attendance.PunchRefusedException;
import org.workrelief.attendance.Refusal;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.audit.AuditEntry;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.Worker;

/** Rule 6: the daily review by the member on duty, approval locking the day, the administrator's correction. */
@IntegrationTest
class DailyReviewIntegrationTests {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 3);

    @Autowired SupervisedSites sites;
    @Autowired RegistryFixtures registry;
    @Autowired CommitteeService committee;
    @Autowired DutyRosterService duty;
    @Autowired DailyReviewService reviews;
    @Autowired ApprovedAttendance approved;
    @Autowired AttendanceLocks locks;
    @Autowired AuditLog auditLog;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired AttendanceSettings settings;

    SupervisedSite s;
    Worker halfDayWorker;

    @BeforeEach
    void setUp() {
        clock.set(SupervisedSite.at(DAY, 21, 30, 0)); // evening, after the afternoon window: the day's sign-ins are in
        s = sites.create(DAY);
        s.fullDay(s.site().worker(), DAY);
        halfDayWorker = s.addWorker(registry);
        s.device(halfDayWorker, 7, 55);
    }

    @Test
    void onlyAMemberOnDutyThatDayMayOpenTheReview() {
        assertRefused(() -> reviews.open(s.offDuty(), s.projectId(), DAY), "review.notOnDuty");
        assertRefused(() -> reviews.open(s.site().admin(), s.projectId(), DAY), "review.notOnDuty");
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), DAY);
        assertThat(review.status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(reviews.open(s.onDuty(), s.projectId(), DAY).id()).as("opening again returns it").isEqualTo(review.id());
    }

    @Test
    void aDayInTheFutureCannotBeReviewed() {
        duty.setDay(s.site().admin(), s.projectId(), DAY.plusDays(1), List.of(s.onDutyMember().id()));
        assertRefused(() -> reviews.open(s.onDuty(), s.projectId(), DAY.plusDays(1)), "review.future");
    }

    @Test
    void onlyAMemberOnDutyThatDayMayApprove() {
        DailyReview review = readyToApprove();
        assertRefused(() -> reviews.approve(s.offDuty(), review.id()), "review.notOnDuty");
        assertRefused(() -> reviews.approve(s.site().admin(), review.id()), "review.notOnDuty");
        assertThat(reviews.approve(s.onDuty(), review.id()).status()).isEqualTo(ReviewStatus.APPROVED);
    }

    @Test
    void approvalWaitsUntilEveryAnomalyIsDecided() {
        DailyReview review = withChecks(reviews.open(s.onDuty(), s.projectId(), DAY));
        assertThat(reviews.page(s.onDuty(), s.projectId(), DAY).undecided()).isEqualTo(1);
        assertRefused(() -> reviews.approve(s.onDuty(), review.id()), "review.undecided");
        assertThat(locks.isLocked(s.projectId(), DAY)).as("a refused approval locks nothing").isFalse();

        reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w" + halfDayWorker.getId(), Decision.ACCEPTED, "下午请假");
        assertThat(reviews.approve(s.onDuty(), review.id()).status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(locks.isLocked(s.projectId(), DAY)).isTrue();
    }

    @Test
    void approvalNeedsTheQualityAndSafetyChecks() {
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), DAY);
        reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w" + halfDayWorker.getId(), Decision.ACCEPTED, "下午请假");
        assertRefused(() -> reviews.approve(s.onDuty(), review.id()), "review.checks.missing");
    }

    @Test
    void aDecisionNeedsAReason() {
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), DAY);
        assertRefused(() -> reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w" + halfDayWorker.getId(),
                Decision.REJECTED, "  "), "review.reason.required");
        assertRefused(() -> reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w999999", Decision.REJECTED, "无此人"),
                "review.anomaly.gone");
        assertThat(jdbc.queryForObject("select count(*) from anomaly_decision where review_id = ?", Integer.class,
                review.id())).isZero();
    }

    @Test
    void aDayIsApprovedOnlyOnce() {
        DailyReview review = readyToApprove();
        reviews.approve(s.onDuty(), review.id());
        assertRefused(() -> reviews.approve(s.onDuty(), review.id()), "review.notOpen");
    }

    @Test
    void twoMembersApprovingAtOnceApproveOnce() throws Exception {
        duty.setDay(s.site().admin(), s.projectId(), DAY, List.of(s.onDutyMember().id(),
                committee.members(s.site().admin(), s.projectId()).get(1).id()));
        DailyReview review = readyToApprove();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> both = List.of(() -> approves(s.onDuty(), review.id()),
                    () -> approves(s.offDuty(), review.id()));
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> outcome : pool.invokeAll(both)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        }
        finally {
            pool.shutdown();
        }
        assertThat(auditLog.historyOf(DailyReviewService.ENTITY, review.id()).stream()
                .filter(e -> e.action().equals("REVIEW_APPROVED"))).hasSize(1);
    }

    @Test
    void anApprovedDayRefusesNewSignInsAndEdits() {
        DailyReview review = readyToApprove();
        reviews.approve(s.onDuty(), review.id());

        assertThatThrownBy(() -> s.device(halfDayWorker, 17, 5)).isInstanceOfSatisfying(PunchRefusedException.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.DAY_APPROVED));
        assertRefused(() -> reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w" + halfDayWorker.getId(),
                Decision.REJECTED, "改主意"), "review.notOpen");
        assertRefused(() -> reviews.recordChecks(s.onDuty(), review.id(), checks(review.version() + 1)), "review.notOpen");
        assertRefused(() -> reviews.addPhoto(s.onDuty(), review.id(), "site.png", ReviewPhotoTests.PNG), "review.notOpen");
        assertRefused(() -> duty.setDay(s.site().admin(), s.projectId(), DAY, List.of(s.onDutyMember().id())),
                "duty.day.approved");
        assertThat(jdbc.queryForObject("select count(*) from punch where worker_id = ?", Integer.class,
                halfDayWorker.getId())).isEqualTo(1);
    }

    @Test
    void aCorrectionNeedsAnAdministratorAndAReasonReopensTheDayAndIsAudited() {
        DailyReview review = readyToApprove();
        reviews.approve(s.onDuty(), review.id());

        assertThatThrownBy(() -> reviews.correct(s.site().staff(), s.projectId(), DAY, "补录"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.correct(s.onDuty(), s.projectId(), DAY, "补录"))
                .isInstanceOf(AccessDeniedException.class);
        assertRefused(() -> reviews.correct(s.site().admin(), s.projectId(), DAY, " "), "review.reason.required");
        assertThat(locks.isLocked(s.projectId(), DAY)).isTrue();

        reviews.correct(s.site().admin(), s.projectId(), DAY, "王某下午签到机故障，补录");

        assertThat(locks.isLocked(s.projectId(), DAY)).isFalse();
        assertThat(s.device(halfDayWorker, 17, 5).created()).as("the re-opened day takes sign-ins").isTrue();
        AuditEntry corrected = auditLog.historyOf(DailyReviewService.ENTITY, review.id()).stream()
                .filter(e -> e.action().equals("REVIEW_CORRECTED")).findFirst().orElseThrow();
        assertThat(corrected.actor()).isEqualTo(s.site().admin().getUsername());
        assertThat(corrected.before()).contains("APPROVED").contains("下午请假");
        assertThat(corrected.after()).contains("REOPENED").contains("王某下午签到机故障");
        assertThat(corrected.projectId()).isEqualTo(s.projectId());

        DailyReview second = reviews.open(s.onDuty(), s.projectId(), DAY);
        assertThat(second.round()).isEqualTo(2);
        assertThat(second.id()).isNotEqualTo(review.id());
        assertThat(reviews.page(s.onDuty(), s.projectId(), DAY).earlierRounds()).extracting(DailyReview::status)
                .containsExactly(ReviewStatus.REOPENED);
    }

    @Test
    void onlyAnApprovedDayCanBeCorrected() {
        reviews.open(s.onDuty(), s.projectId(), DAY);
        assertRefused(() -> reviews.correct(s.site().admin(), s.projectId(), DAY, "无"), "review.correct.notApproved");
    }

    @Test
    void aRejectedHalfDayIsNotCountedForPayAndAnAcceptedOneIsHalf() {
        Worker other = s.addWorker(registry);
        s.device(other, 7, 50);
        DailyReview review = withChecks(reviews.open(s.onDuty(), s.projectId(), DAY));
        reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w" + halfDayWorker.getId(), Decision.REJECTED, "未见本人上工");
        reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w" + other.getId(), Decision.ACCEPTED, "下午请假");
        assertThat(approved.countedDays(s.projectId(), DAY, DAY)).as("nothing counts before approval").isEmpty();
        assertThat(approved.unapprovedDays(s.projectId(), DAY, DAY)).containsExactly(DAY);

        reviews.approve(s.onDuty(), review.id());

        assertThat(approved.countedDays(s.projectId(), DAY, DAY)).extracting(ApprovedAttendance.CountedDay::workerId,
                ApprovedAttendance.CountedDay::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(s.site().worker().getId(), DayStatus.FULL),
                org.assertj.core.groups.Tuple.tuple(other.getId(), DayStatus.HALF));
        assertThat(approved.unapprovedDays(s.projectId(), DAY, DAY)).isEmpty();
    }

    @Test
    void aRejectedDayWideAnomalyTakesTheWholeDay() {
        LocalDate before = DAY.minusDays(1);
        List<Worker> crew = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            crew.add(s.addWorker(registry));
        }
        crew.forEach(w -> s.fullDay(w, before));
        s.fullDay(halfDayWorker, before);
        s.fullDay(s.site().worker(), before); // 5 yesterday, 2 today: the head-count swung
        DailyReview review = withChecks(reviews.open(s.onDuty(), s.projectId(), DAY));
        reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w" + halfDayWorker.getId(), Decision.ACCEPTED, "请假");
        reviews.decide(s.onDuty(), review.id(), "HEADCOUNT_SWING", Decision.REJECTED, "当天停工，记录不实");
        reviews.approve(s.onDuty(), review.id());
        assertThat(approved.countedDays(s.projectId(), DAY, DAY)).isEmpty();
    }

    @Test
    void aDecisionOnAFindingThatWentAwayDoesNotTakeTheDay() {
        DailyReview review = withChecks(reviews.open(s.onDuty(), s.projectId(), DAY));
        reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w" + halfDayWorker.getId(), Decision.REJECTED, "只来半天");
        s.device(halfDayWorker, 17, 1); // the afternoon sign-in arrives before approval: a full day, nothing to decide
        reviews.approve(s.onDuty(), review.id());
        assertThat(approved.countedDays(s.projectId(), DAY, DAY)).extracting(ApprovedAttendance.CountedDay::status)
                .containsOnly(DayStatus.FULL).hasSize(2);
    }

    @Test
    void aDecisionNoLongerAnswersAFindingThatNowNamesOtherWorkers() {
        Worker late = s.addWorker(registry);
        s.rollCall(late, 8, 10);
        DailyReview review = withChecks(reviews.open(s.onDuty(), s.projectId(), DAY));
        String handKey = "HAND_RECORDED:" + s.site().staff().getUsername();
        reviews.decide(s.onDuty(), review.id(), handKey, Decision.ACCEPTED, "班组长点名");
        reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w" + halfDayWorker.getId(), Decision.ACCEPTED, "请假");
        reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w" + late.getId(), Decision.ACCEPTED, "请假");
        s.rollCall(halfDayWorker, 16, 0); // the same leader now signs in someone else by hand
        assertRefused(() -> reviews.approve(s.onDuty(), review.id()), "review.undecided");
    }

    @Test
    void daysWithSignInsAndNoApprovedReviewAreOverdue() {
        s.fullDay(s.site().worker(), DAY.minusDays(2));
        s.fullDay(halfDayWorker, DAY.minusDays(2));
        clock.set(SupervisedSite.at(DAY.plusDays(1), 9, 0, 0));
        assertThat(reviews.overdueOf(s.site().admin(), s.projectId(), 50)).extracting(DailyReviewService.OverdueDay::day)
                .containsExactly(DAY.minusDays(2), DAY);
        DailyReviewService.OverdueSummary home = reviews.overdueByProject(s.site().admin(), 20, 1);
        assertThat(home.projects()).filteredOn(o -> o.projectId() == s.projectId()).singleElement().satisfies(o -> {
            assertThat(o.days()).isEqualTo(2);
            assertThat(o.oldestDays()).as("the oldest one only").containsExactly(DAY.minusDays(2));
        });
        assertThat(home.dayCount()).isGreaterThanOrEqualTo(2);
        assertThat(home.projectCount()).isGreaterThanOrEqualTo(home.projects().size());

        clock.set(SupervisedSite.at(DAY, 21, 30, 0));
        DailyReview review = readyToApprove();
        reviews.approve(s.onDuty(), review.id());
        clock.set(SupervisedSite.at(DAY.plusDays(1), 9, 0, 0));
        assertThat(reviews.overdueOf(s.site().admin(), s.projectId(), 50)).extracting(DailyReviewService.OverdueDay::day)
                .containsExactly(DAY.minusDays(2));
        assertThat(reviews.overdueByProject(s.site().admin(), 20, 7).projects())
                .filteredOn(o -> o.projectId() == s.projectId()).singleElement()
                .satisfies(o -> assertThat(o.oldestDays()).containsExactly(DAY.minusDays(2)));

        reviews.correct(s.site().admin(), s.projectId(), DAY, "补录"); // reopened: awaiting review again
        assertThat(reviews.overdueOf(s.site().admin(), s.projectId(), 50)).extracting(DailyReviewService.OverdueDay::day)
                .containsExactly(DAY.minusDays(2), DAY);
        assertThat(reviews.overdueByProject(s.site().admin(), 20, 7).projects())
                .filteredOn(o -> o.projectId() == s.projectId()).singleElement()
                .satisfies(o -> assertThat(o.oldestDays()).containsExactly(DAY.minusDays(2), DAY));
    }

    @Test
    void everyStepOfTheReviewIsAudited() {
        DailyReview review = readyToApprove();
        reviews.approve(s.onDuty(), review.id());
        assertThat(auditLog.historyOf(DailyReviewService.ENTITY, review.id())).extracting(AuditEntry::action)
                .containsExactly("REVIEW_OPENED", "REVIEW_CHECKS_RECORDED", "ANOMALY_DECIDED", "REVIEW_APPROVED");
    }

    @Test
    void aDayWithASafetyProblemIsRecordedAndApproved() {
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), DAY);
        review = reviews.recordChecks(s.onDuty(), review.id(), new ReviewChecks(QualityResult.ISSUES, null, null, true,
                true, true, "2人未戴安全帽", review.version()));
        assertThat(review.checksRecorded()).isTrue();
        assertThat(review.helmets()).as("an unticked box is a measure not in place").isFalse();
        assertThat(review.safetyProblems()).containsExactly("review.safety.helmets");
        assertThat(review.problemsFound()).isTrue();
        reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w" + halfDayWorker.getId(), Decision.ACCEPTED, "下午请假");

        DailyReview approved = reviews.approve(s.onDuty(), review.id());
        assertThat(approved.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(approved.safetyNotes()).isEqualTo("2人未戴安全帽");
        assertThat(approved.safetyProblems()).as("the problem stays on the record").containsExactly("review.safety.helmets");
    }

    @Test
    void notesLongerThanAThousandCharactersAreRefused() {
        DailyReview review = reviews.open(s.onDuty(), s.projectId(), DAY);
        assertRefused(() -> reviews.recordChecks(s.onDuty(), review.id(), new ReviewChecks(QualityResult.PASS, null, true,
                true, true, true, "长".repeat(1001), review.version())), "review.notes.tooLong");
        assertThat(reviews.recordChecks(s.onDuty(), review.id(), new ReviewChecks(QualityResult.PASS, "长".repeat(1000),
                true, true, true, true, null, review.version())).qualityNotes()).hasSize(1000);
    }

    @Test
    void todayIsApprovedOnlyOnceTheProjectsAfternoonWindowHasClosed() {
        settings.change(s.projectId(), new SlotWindows(LocalTime.of(6, 0), LocalTime.of(12, 0), LocalTime.of(12, 0),
                LocalTime.of(19, 0), Duration.ofHours(4)), "test");
        clock.set(SupervisedSite.at(DAY, 18, 50, 0));
        DailyReview review = readyToApprove();
        assertThat(reviews.page(s.onDuty(), s.projectId(), DAY).approvableFrom()).isEqualTo(LocalTime.of(19, 0));
        assertThatThrownBy(() -> reviews.approve(s.onDuty(), review.id())).isInstanceOfSatisfying(
                BusinessRuleException.class, refused -> {
                    assertThat(refused.getMessageKey()).isEqualTo("review.approve.tooEarly");
                    assertThat(refused.getArgs()).containsExactly("19:00");
                });
        assertThat(locks.isLocked(s.projectId(), DAY)).isFalse();
        s.device(halfDayWorker, 18, 45); // the afternoon sign-in still to come is taken

        clock.set(SupervisedSite.at(DAY, 19, 0, 0));
        assertThat(reviews.page(s.onDuty(), s.projectId(), DAY).approvableFrom()).isNull();
        assertThat(reviews.approve(s.onDuty(), review.id()).status()).isEqualTo(ReviewStatus.APPROVED);
    }

    @Test
    void anEarlierDayIsApprovedAtAnyTime() {
        DailyReview review = readyToApprove();
        clock.set(SupervisedSite.at(DAY.plusDays(1), 7, 0, 0));
        assertThat(reviews.page(s.onDuty(), s.projectId(), DAY).approvableFrom()).isNull();
        assertThat(reviews.approve(s.onDuty(), review.id()).status()).isEqualTo(ReviewStatus.APPROVED);
    }

    // --- helpers ----------------------------------------------------------------------------

    private boolean approves(org.workrelief.account.SignedInUser member, long reviewId) {
        try {
            reviews.approve(member, reviewId);
            return true;
        }
        catch (BusinessRuleException refused) {
            return false;
        }
    }

    /** Open, checks recorded, the one half day accepted. */
    private DailyReview readyToApprove() {
        DailyReview review = withChecks(reviews.open(s.onDuty(), s.projectId(), DAY));
        reviews.decide(s.onDuty(), review.id(), "HALF_DAY:w" + halfDayWorker.getId(), Decision.ACCEPTED, "下午请假");
        return review;
    }

    private DailyReview withChecks(DailyReview review) {
        return reviews.recordChecks(s.onDuty(), review.id(), checks(review.version()));
    }

    private static ReviewChecks checks(long version) {
        return new ReviewChecks(QualityResult.PASS, "砌筑平整", true, true, true, true, null, version);
    }
}
