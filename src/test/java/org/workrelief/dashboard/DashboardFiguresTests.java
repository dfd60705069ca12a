package org.workrelief.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.payout.PayoutService;
import org.workrelief.project.ProjectService;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.training.TrainingForm;
import org.workrelief.training.TrainingKind;
import org.workrelief.training.TrainingService;

/**
 * Each dashboard figure against the hand-computed fixture: four workers (plan 150), five approved
 * days of four people, 3,120.00 released of 1,610,000.00 planned and 4,000,000.00 central funds,
 * two people trained (plan 134).
 */
@IntegrationTest
class DashboardFiguresTests {

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired ProjectService projects;
    @Autowired PayoutService payouts;
    @Autowired TrainingService training;
    @Autowired DashboardService dashboards;
    @Autowired MutableClock clock;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired OverviewFiguresJob job;
    @Autowired org.workrelief.account.AccountService accounts;

    PaidSite p;
    long sessionId;

    @BeforeEach
    void setUp() {
        clock.reset();
        p = flow.site();
        flow.released(p);
        var session = training.create(p.staff(), p.projectId(), new TrainingForm("安全生产", TrainingKind.SAFETY, "李老师",
                PaidSite.FROM, new BigDecimal("2"), null));
        training.addAttendees(p.staff(), session.id(), List.of(p.crew().get(0).getId(), p.crew().get(1).getId()));
        sessionId = session.id();
    }

    @Test
    void everyFigureIsComputedFromTheRecords() {
        ProjectFigures f = dashboards.dashboard(p.admin(), p.projectId()).figures();
        assertThat(f.enrolled()).isEqualTo(4);
        assertThat(f.enrolledVsPlanPercent()).isEqualByComparingTo("-97.3"); // (4 - 150) / 150
        assertThat(f.averageHeadcount()).isEqualByComparingTo("4.0");
        assertThat(f.todayHeadcount()).isZero();
        assertThat(f.released()).isEqualByComparingTo("3120.00");
        assertThat(f.releasedOfPlanPercent()).isEqualByComparingTo("0.2"); // 3120 / 1610000
        assertThat(f.releasedShareOfCentralPercent()).isEqualByComparingTo("0.1"); // 3120 / 4000000
        assertThat(f.plannedShareOfCentralPercent()).isEqualByComparingTo("40.3"); // 1610000 / 4000000
        assertThat(f.shareBelowThreshold()).as("judged on the plan while being built").isFalse();
        assertThat(f.averageIncome()).isEqualByComparingTo("780.00");
        assertThat(f.trained()).isEqualTo(2);
        assertThat(f.overdueReviews()).isZero();
        assertThat(f.latePayments()).isZero();
        assertThat(f.scheduleDays()).as("planned completion 2025-10-31 not reached").isNull();
        assertThat(f.daysToPlannedCompletion()).isEqualTo(142); // 2025-06-11 to 2025-10-31

        clock.advance(Duration.ofDays(30)); // 40 days after 30 May, nothing paid yet
        assertThat(dashboards.dashboard(p.admin(), p.projectId()).figures().latePayments()).isEqualTo(4);
    }

    @Test
    void theChartsStillShowAFinishedProjectWhoseEnrollmentsEnded() {
        clock.advance(Duration.ofDays(120)); // long after the reviewed week
        jdbc.update("update enrollment set left_on = ? where project_id = ?", java.sql.Date.valueOf(PaidSite.TO),
                p.projectId());
        var charts = dashboards.dashboard(p.admin(), p.projectId()).charts();
        assertThat(charts.get("headcount").values()).as("the five days with sign-ins, four people each")
                .hasSize(5).allSatisfy(n -> assertThat(n.intValue()).isEqualTo(4));
        assertThat(charts.get("remuneration").values()).singleElement()
                .satisfies(n -> assertThat(new BigDecimal(n.toString())).isEqualByComparingTo("3120.00"));
        assertThat(charts.get("teams").values().stream().mapToInt(Number::intValue).sum()).isEqualTo(4);
        assertThat(charts.get("households").values().stream().mapToInt(Number::intValue).sum()).isEqualTo(4);
    }

    @Test
    void theDashboardAndTheOverviewShowTheFiguresAndLinkToTheRecords() throws Exception {
        mvc.perform(get("/projects/{p}/dashboard", p.projectId()).with(user(p.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3,120.00")))
                .andExpect(content().string(containsString("/projects/" + p.projectId() + "/payouts")))
                .andExpect(content().string(containsString("data-chart")));
        mvc.perform(get("/dashboard").with(user(p.admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(p.s().site().project().getName())))
                .andExpect(content().string(containsString("overview-totals")));
    }

    @Test
    void theOverviewKeepsItsFiguresUntilTheyAreTenMinutesOld() {
        assertThat(trainedInOverview()).isEqualTo(2);
        trainOneMore(2);
        assertThat(trainedInOverview()).as("kept, computed a moment ago").isEqualTo(2);
        clock.advance(Duration.ofMinutes(10));
        assertThat(trainedInOverview()).as("still within ten minutes").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(trainedInOverview()).as("older than ten minutes: computed again").isEqualTo(3);
        assertThat(dashboards.overview(p.admin(), null).asOf()).isEqualTo(clock.instant());
    }

    @Test
    void officialsOpeningTheOverviewTogetherOnStaleFiguresComputeThemOnce() throws Exception {
        assertThat(trainedInOverview()).isEqualTo(2);
        trainOneMore(2);
        clock.advance(Duration.ofMinutes(11));
        long versionBefore = figuresVersion();
        int officials = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(officials);
        java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Long>> seen = new java.util.ArrayList<>();
        for (int i = 0; i < officials; i++) {
            seen.add(pool.submit(() -> {
                together.await();
                return trainedInOverview();
            }));
        }
        together.countDown();
        try {
            for (java.util.concurrent.Future<Long> trained : seen) {
                assertThat(trained.get()).as("every official sees the figures computed now").isEqualTo(3);
            }
        }
        finally {
            pool.shutdown();
        }
        assertThat(figuresVersion()).as("computed and kept by one of them; the others read what it kept")
                .isEqualTo(versionBefore + 1);
    }

    private long figuresVersion() {
        return jdbc.queryForObject("select version from project_figures where project_id = ?", Long.class, p.projectId());
    }

    @Test
    void refreshNowAndTheJobComputeTheOverviewsFiguresAgainWhileTheProjectDashboardIsLive() throws Exception {
        assertThat(trainedInOverview()).isEqualTo(2);
        trainOneMore(2);
        mvc.perform(post("/dashboard/refresh").with(user(p.admin())).with(csrf()))
                .andExpect(redirectedUrl("/dashboard")).andExpect(flash().attribute("success", "dashboard.refreshed"));
        assertThat(trainedInOverview()).as("refresh now").isEqualTo(3);

        trainOneMore(3);
        assertThat(dashboards.dashboard(p.staff(), p.projectId()).figures().trained()).as("the dashboard is always live").isEqualTo(4);
        assertThat(trainedInOverview()).as("the overview keeps its own").isEqualTo(3);

        // a slot of the job's own: the test clock stands still, and another test may have run it at the start
        clock.advance(Duration.ofMinutes(5 * (1 + System.nanoTime() % 60)));
        jdbc.update("update project_figures set trained = 0 where project_id = ?", p.projectId());
        assertThat(job.run()).isTrue();
        assertThat(jdbc.queryForObject("select trained from project_figures where project_id = ?", Long.class,
                p.projectId())).as("the job's run, from the records").isEqualTo(4);
        assertThat(dashboards.overview(p.admin(), null).asOf()).isEqualTo(clock.instant());
    }

    @Test
    void theOverviewPageSaysHowOldItsFiguresAreAndOffersARefresh() throws Exception {
        String now = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(clock.instant().atZone(MutableClock.ZONE));
        mvc.perform(get("/dashboard").with(user(p.admin())))
                .andExpect(content().string(containsString("统计截至 " + now + "，至多 10 分钟更新一次")))
                .andExpect(content().string(containsString("立即刷新")));
        clock.advance(Duration.ofMinutes(3));
        mvc.perform(get("/dashboard").param("lang", "en").with(user(p.admin())))
                .andExpect(content().string(containsString("Figures as of " + now + ", updated at least every 10 minutes")));
    }

    @Test
    void theHomePageListsTheBatchesPaidLateAndTheProjectsWithDaysAwaitingReview() throws Exception {
        mvc.perform(get("/").with(user(p.admin())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"late-payments\""))))
                .andExpect(content().string(containsString("没有逾期未核查的日期")));

        p.s().fullDay(p.crew().get(0), PaidSite.TO.plusDays(3)); // a day nobody reviewed
        clock.advance(Duration.ofDays(30)); // 40 days after the batch's period, nothing paid yet
        long batchId = jdbc.queryForObject("select id from payout_batch where project_id = ?", Long.class, p.projectId());
        mvc.perform(get("/").with(user(p.admin())))
                .andExpect(content().string(containsString("/payouts/" + batchId)))
                .andExpect(content().string(containsString("：2025-05-26 至 2025-05-30 的工资，4 人未到账（期间结束已 42 天）")))
                .andExpect(content().string(containsString("共 1 个项目、1 天未核查")))
                .andExpect(content().string(containsString("/projects/" + p.projectId() + "/reviews/2025-06-02")));
    }

    @Test
    void atCountyLevelTheOverviewSumsEachTownAndATownShowsItsProjects() throws Exception {
        var county = org.workrelief.account.Principals.of(new org.workrelief.support.Fixtures(accounts)
                .user(org.workrelief.account.Role.ADMIN, null));
        long town = p.s().site().project().getTownId();
        String townName = accounts.getTown(county, town).getName();
        String towns = mvc.perform(get("/dashboard").with(user(county)))
                .andExpect(content().string(containsString("id=\"overview-towns\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"overview-table\""))))
                .andReturn().getResponse().getContentAsString();
        String link = "href=\"/dashboard?town=" + town + "\">" + townName + "</a>";
        assertThat(towns).contains(link);
        String townRow = towns.substring(towns.indexOf(link), towns.indexOf("</tr>", towns.indexOf(link)))
                .replaceAll("\\s+", " ");
        assertThat(townRow).as("the town's one project, summed")
                .contains("<td>1</td>", "<td>4 / 150</td>", "3,120.00 / 1,610,000.00", "<td>2 / 134</td>", "<td>0 / 0</td>");
        String ofTown = mvc.perform(get("/dashboard").param("town", String.valueOf(town)).with(user(county)))
                .andExpect(content().string(containsString("id=\"overview-all-towns\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(ofTown).contains("id=\"overview-table\"", p.s().site().project().getCode(), "3,120.00 / 1,610,000.00")
                .contains("共 1 个项目");
    }

    private long trainedInOverview() {
        return dashboards.overview(p.admin(), null).figures().stream()
                .filter(f -> f.project().getId().equals(p.projectId())).findFirst().orElseThrow().trained();
    }

    private void trainOneMore(int crewIndex) {
        training.addAttendees(p.staff(), sessionId, List.of(p.crew().get(crewIndex).getId()));
    }
}
