package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.workrelief.attendance.AttendanceLocks;
import org.workrelief.supervision.ApprovedAttendance;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.DutyRosterService;
import org.workrelief.supervision.QualityResult;
import org.workrelief.supervision.ReviewChecks;
import org.workrelief.supervision.SupervisedSite;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;
import org.workrelief.worker.Worker;

/**
 * The member on duty reviews a day with one half day, rejects it, records the checks and approves
 * the day; a day with a safety problem is recorded as it is and approved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class, SupervisedSites.class })
class DailyReviewJourneyE2ETests extends BrowserJourney {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 3);

    @Autowired SupervisedSites sites;
    @Autowired RegistryFixtures registry;
    @Autowired DutyRosterService duty;
    @Autowired AttendanceLocks locks;
    @Autowired ApprovedAttendance approved;
    @Autowired MutableClock clock;
    @Autowired DailyReviewService reviews;

    SupervisedSite s;
    Worker halfDay;

    @BeforeEach
    void setUp() {
        clock.set(SupervisedSite.at(DAY, 21, 30, 0));
        s = sites.create(DAY);
        s.fullDay(s.site().worker(), DAY);
        halfDay = s.addWorker(registry);
        s.device(halfDay, 7, 55);
        openBrowser();
    }

    @Test
    void theMemberOnDutyRejectsAHalfDayAndApprovesTheDay() {
        signIn(s.onDuty().getUsername());
        assertThat(browser.text("#my-duties")).contains(s.site().project().getName());
        browser.click("#my-duties a.btn");
        assertThat(browser.text("#you-on-duty")).contains("值班委员");
        browser.click("#open-review");

        assertThat(browser.text("#review-summary")).contains("出勤 2 人").contains("半天 1 人");
        assertThat(browser.text("#undecided-count")).contains("1 项待处理");
        assertThat(browser.text(".anomaly-HALF_DAY")).contains(halfDay.getName()).contains("07:55");
        browser.type(".anomaly-HALF_DAY .reason", "下午未见本人到场");
        browser.click(".anomaly-HALF_DAY .reject");
        assertThat(browser.text(".anomaly-HALF_DAY .decision")).contains("不予认可").contains("下午未见本人到场");

        browser.click("#approve-review");
        browser.acceptConfirm();
        assertThat(browser.text("#flash-failure")).contains("请先记录质量与安全检查结果");

        browser.click("#quality-PASS").click("#safety-helmets").click("#safety-signage").click("#safety-slope")
                .click("#safety-machinery").type("#qualityNotes", "砌筑平整").click("#save-checks");
        assertThat(browser.text("#checks")).contains("质量与安全检查已记录");

        browser.click("#approve-review");
        assertThat(browser.acceptConfirm()).contains("锁定");
        assertThat(browser.text("#review-status")).isEqualTo("已通过");
        assertThat(browser.text("#approved-note")).contains(s.onDuty().displayName()).doesNotContain(s.onDuty().getUsername());
        assertThat(locks.isLocked(s.projectId(), DAY)).isTrue();
        assertThat(approved.countedDays(s.projectId(), DAY, DAY)).extracting(ApprovedAttendance.CountedDay::workerId)
                .containsExactly(s.site().worker().getId());
    }

    @Test
    void aSafetyProblemIsRecordedAsFoundAndTheDayApproved() {
        signIn(s.onDuty().getUsername());
        browser.go("/projects/" + s.projectId() + "/reviews/" + DAY);
        browser.click("#open-review");
        browser.type(".anomaly-HALF_DAY .reason", "下午请假，已核实");
        browser.click(".anomaly-HALF_DAY .accept");

        // 安全帽 not ticked: two workers were seen without helmets
        browser.click("#quality-ISSUES").click("#safety-signage").click("#safety-slope").click("#safety-machinery")
                .type("#qualityNotes", "东段砌石勾缝不饱满").type("#safetyNotes", "2人未戴安全帽");
        // meanwhile the other member on duty saves the checks: this save is refused, what was typed stays
        var review = reviews.page(s.onDuty(), s.projectId(), DAY).review();
        reviews.recordChecks(s.onDuty(), review.id(), new ReviewChecks(QualityResult.PASS, null, true, true, true, true,
                null, review.version()));
        browser.click("#save-checks");
        assertThat(browser.text("#flash-failure")).contains("已被他人修改");
        assertThat(browser.find("#safetyNotes").getAttribute("value")).isEqualTo("2人未戴安全帽");
        assertThat(browser.find("#qualityNotes").getAttribute("value")).isEqualTo("东段砌石勾缝不饱满");
        assertThat(browser.find("#quality-ISSUES").isSelected()).isTrue();
        assertThat(browser.find("#safety-helmets").isSelected()).isFalse();
        assertThat(browser.find("#safety-signage").isSelected()).isTrue();

        browser.click("#save-checks");
        assertThat(browser.text("#flash-success")).contains("已保存检查结果");
        assertThat(browser.text("#checks-problems")).contains("作业人员佩戴安全帽").contains("2人未戴安全帽")
                .contains("东段砌石勾缝不饱满");
        assertThat(browser.find("#safety-helmets").isSelected()).isFalse();

        browser.click("#approve-review");
        browser.acceptConfirm();
        assertThat(browser.text("#review-status")).isEqualTo("已通过");
        assertThat(browser.text("#checks-problems")).contains("作业人员佩戴安全帽").contains("2人未戴安全帽")
                .contains("已随当日核查记录在案");
        assertThat(locks.isLocked(s.projectId(), DAY)).isTrue();
    }
}
