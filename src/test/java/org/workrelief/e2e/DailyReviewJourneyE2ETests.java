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
import org.workrelief.supervision.DutyRosterService;
import org.workrelief.supervision.SupervisedSite;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;
import org.workrelief.worker.Worker;

/** The member on duty reviews a day with one half day, rejects it, records the checks and approves the day. */
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

    SupervisedSite s;
    Worker halfDay;

    @BeforeEach
    void setUp() {
        clock.set(SupervisedSite.at(DAY, 19, 30, 0));
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
}
