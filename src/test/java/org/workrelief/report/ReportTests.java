package org.workrelief.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.dashboard.DashboardService;
import org.workrelief.dashboard.DashboardService.GroupFigures;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerForm;
import org.workrelief.worker.WorkerService;

/**
 * The group figures of the project dashboard, the monthly progress figures and the statistical report on
 * the paid site: four workers, 19.5 days approved and released (160.00 a day, 3,120.00), central funds
 * 4,000,000.00; two of the crew are 脱贫人口, one of them also a 退役军人.
 */
@IntegrationTest
class ReportTests {

    static final String WAGES_TO_DATE = "发放劳务报酬（元）|累计";

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired WorkerService workers;
    @Autowired DashboardService dashboards;
    @Autowired ProgressService progress;
    @Autowired ReportService reports;
    @Autowired AccountService accounts;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    PaidSite p;

    @BeforeEach
    void setUp() {
        clock.reset();
        p = flow.site();
        flow.released(p);
        group(p.crew().get(0), "POVERTY_LIFTED", "VETERAN");
        group(p.crew().get(1), "POVERTY_LIFTED");
    }

    @Test
    void theProjectDashboardCountsPeopleDaysAndWagesByGroup() throws Exception {
        List<GroupFigures> groups = dashboards.dashboard(p.admin(), p.projectId()).groups();
        assertThat(groups).hasSize(9);
        assertThat(groups.get(0)).satisfies(g -> {
            assertThat(g.code()).isEqualTo("POVERTY_LIFTED");
            assertThat(g.people()).isEqualTo(2);
            assertThat(g.personDays()).isEqualByComparingTo("10.0");
            assertThat(g.wages()).isEqualByComparingTo("1600.00");
        });
        GroupFigures veterans = groups.stream().filter(g -> g.code().equals("VETERAN")).findFirst().orElseThrow();
        assertThat(veterans.people()).isEqualTo(1);
        assertThat(veterans.wages()).isEqualByComparingTo("800.00");
        assertThat(groups.stream().filter(g -> g.code().equals("DISABLED")).findFirst().orElseThrow().people()).isZero();

        mvc.perform(get("/projects/{id}/dashboard", p.projectId()).with(user(p.admin())))
                .andExpect(content().string(containsString("id=\"group-POVERTY_LIFTED\"")))
                .andExpect(content().string(containsString("1,600.00")))
                .andExpect(content().string(containsString("group=POVERTY_LIFTED")));
    }

    @Test
    void monthlyProgressIsEnteredCorrectedAndRefusedForAMonthToComeOrAboveTheTotal() throws Exception {
        // the fixture's clock: 3 June 2025
        progress.record(p.finance(), p.projectId(), new ProgressForm("2025-05", new BigDecimal("1000000"), new BigDecimal("800000")));
        progress.record(p.finance(), p.projectId(), new ProgressForm("2025-05", new BigDecimal("1200000"), new BigDecimal("900000")));
        assertThat(progress.of(p.admin(), p.projectId())).singleElement().satisfies(row -> {
            assertThat(row.getInvestmentCompleted()).isEqualByComparingTo("1200000.00");
            assertThat(row.getFundsDisbursed()).isEqualByComparingTo("900000.00");
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'PROJECT_PROGRESS_RECORDED' and town_id = ?",
                Long.class, p.s().site().town().getId())).isEqualTo(2);
        assertThatThrownBy(() -> progress.record(p.finance(), p.projectId(),
                new ProgressForm("2025-07", BigDecimal.ZERO, BigDecimal.ZERO)))
                .extracting(e -> ((BusinessRuleException) e).getMessageKey()).isEqualTo("report.progress.month.future");
        // total investment 5,800,000.00: 900,000 already disbursed in May
        assertThatThrownBy(() -> progress.record(p.finance(), p.projectId(),
                new ProgressForm("2025-04", BigDecimal.ZERO, new BigDecimal("4900000.01"))))
                .extracting(e -> ((BusinessRuleException) e).getMessageKey()).isEqualTo("report.progress.disbursedAboveTotal");
        assertThatThrownBy(() -> progress.record(p.s().onDuty(), p.projectId(),
                new ProgressForm("2025-04", BigDecimal.ZERO, BigDecimal.ZERO)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        mvc.perform(post("/projects/{id}/progress", p.projectId()).with(user(p.finance())).with(csrf())
                .param("month", "2025-06").param("investmentCompleted", "300000").param("fundsDisbursed", "100000"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/projects/{id}/progress", p.projectId()).with(user(p.finance())).with(csrf())
                .param("month", "2025-08").param("investmentCompleted", "1").param("fundsDisbursed", "1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不能填报以后月份的数字")));
        mvc.perform(get("/projects/{id}/progress", p.projectId()).with(user(p.admin())).param("lang", "en"))
                .andExpect(content().string(containsString("Monthly progress")))
                .andExpect(content().string(containsString("2025-06")))
                .andExpect(content().string(containsString("300,000.00")));
    }

    @Test
    void theReportHasThePeriodsAndTheToDateFiguresAsTheDashboardCountsThem() throws Exception {
        progress.record(p.finance(), p.projectId(), new ProgressForm("2025-04", new BigDecimal("500000"), new BigDecimal("400000")));
        progress.record(p.finance(), p.projectId(), new ProgressForm("2025-05", new BigDecimal("1000000"), new BigDecimal("800000")));
        String code = jdbc.queryForObject("select code from project where id = ?", String.class, p.projectId());

        ReportService.Report may = reports.report(p.admin(), ReportService.Scope.PROJECT, p.projectId(),
                new Period(YearMonth.of(2025, 5), false));
        ReportService.Line line = may.lines().get(0);
        assertThat(line.investmentInPeriod()).isEqualByComparingTo("1000000.00");
        assertThat(line.investmentToDate()).isEqualByComparingTo("1500000.00");
        assertThat(line.disbursedInPeriod()).isEqualByComparingTo("800000.00");
        assertThat(line.disbursedToDate()).isEqualByComparingTo("1200000.00");
        assertThat(line.people()).isEqualTo(4);
        assertThat(line.localPeople()).as("all of the crew live in 前埠村, the project's village").isEqualTo(4);
        assertThat(line.peopleByGroup()).containsEntry("POVERTY_LIFTED", 2L).containsEntry("VETERAN", 1L)
                .containsEntry("GRADUATE", 0L);
        assertThat(line.personDaysInPeriod()).isEqualByComparingTo("19.5");
        assertThat(line.wagesInPeriod()).isEqualByComparingTo("3120.00");
        assertThat(line.wagesToDate()).isEqualByComparingTo("3120.00");
        assertThat(line.paidSharePercent()).isEqualByComparingTo("0.1"); // 3120 / 4,000,000
        assertThat(line.totalInvestment()).isEqualByComparingTo("5800000.00");

        ReportService.Line april = reports.report(p.admin(), ReportService.Scope.PROJECT, p.projectId(),
                new Period(YearMonth.of(2025, 4), false)).lines().get(0);
        assertThat(april.wagesToDate()).as("the batch of 26–30 May is after April").isZero();
        assertThat(april.investmentToDate()).isEqualByComparingTo("500000.00");
        ReportService.Line yearToDate = reports.report(p.admin(), ReportService.Scope.PROJECT, p.projectId(),
                new Period(YearMonth.of(2025, 5), true)).lines().get(0);
        assertThat(yearToDate.investmentInPeriod()).isEqualByComparingTo("1500000.00");

        byte[] xlsx = mvc.perform(get("/reports/statistics.xlsx").with(user(p.admin())).param("scope", "PROJECT")
                .param("projectId", String.valueOf(p.projectId())).param("month", "2025-05").param("ytd", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        ReportSheets sheet = new ReportSheets(xlsx);
        assertThat(sheet.title()).isEqualTo("以工代赈项目实施进度统计表");
        assertThat(sheet.unitLine()).contains("2025年1—5月");
        assertThat(sheet.number(code, "完成投资（元）|本期")).isEqualTo(1500000.0);
        assertThat(sheet.number(code, "资金拨付（元）|累计")).isEqualTo(1200000.0);
        assertThat(sheet.number(code, "吸纳务工人数（人，累计）|合计")).isEqualTo(4.0);
        assertThat(sheet.number(code, "吸纳务工人数（人，累计）|其中：脱贫人口")).isEqualTo(2.0);
        assertThat(sheet.number(code, "吸纳务工人数（人，累计）|其中：退役军人")).isEqualTo(1.0);
        assertThat(sheet.number(code, "务工人日（已发放）|累计")).isEqualTo(19.5);
        assertThat(sheet.number(code, WAGES_TO_DATE)).isEqualTo(3120.0);
        assertThat(sheet.number(code, "发放劳务报酬（元）|占中央资金比例（%）")).isEqualTo(0.1);
        assertThat(sheet.number("合计", WAGES_TO_DATE)).isEqualTo(3120.0);

        mvc.perform(get("/reports").with(user(p.admin())).param("scope", "PROJECT")
                .param("projectId", String.valueOf(p.projectId())).param("month", "2025-05"))
                .andExpect(content().string(containsString("id=\"report-line-" + p.projectId() + "\"")))
                .andExpect(content().string(containsString("3,120.00")));
    }

    @Test
    void aTownUserSeesOnlyTheirTownAndOnlyTheCountyLevelTheCounty() throws Exception {
        SignedInUser staff = p.staff();
        var otherTown = new Fixtures(accounts).town();
        SignedInUser county = Principals.of(new Fixtures(accounts).user(Role.ADMIN, null));
        mvc.perform(get("/reports/statistics.xlsx").with(user(staff)).param("scope", "COUNTY").param("month", "2025-05"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/reports/statistics.xlsx").with(user(staff)).param("scope", "TOWN")
                .param("townId", otherTown.getId().toString()).param("month", "2025-05"))
                .andExpect(status().isForbidden());
        SignedInUser elsewhere = Principals.of(new Fixtures(accounts).user(Role.ADMIN, otherTown));
        mvc.perform(get("/reports/statistics.xlsx").with(user(elsewhere)).param("scope", "PROJECT")
                .param("projectId", String.valueOf(p.projectId())).param("month", "2025-05"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/projects/{id}/progress", p.projectId()).with(user(elsewhere))).andExpect(status().isNotFound());

        assertThatThrownBy(() -> reports.report(staff, ReportService.Scope.TOWN, otherTown.getId(),
                new Period(YearMonth.of(2025, 5), false))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(reports.report(staff, ReportService.Scope.TOWN, p.s().site().town().getId(),
                new Period(YearMonth.of(2025, 5), false)).lines()).extracting(l -> l.project().getId())
                .containsExactly(p.projectId());
        assertThat(reports.report(county, ReportService.Scope.COUNTY, null, new Period(YearMonth.of(2025, 5), false)).lines())
                .extracting(l -> l.project().getId()).contains(p.projectId());
        mvc.perform(get("/reports/statistics.xlsx").with(user(staff)).param("scope", "TOWN").param("month", "2025-05"))
                .andExpect(status().isOk());
    }

    private void group(Worker worker, String... codes) {
        WorkerForm f = workers.formOf(p.staff(), worker.getId());
        workers.update(p.staff(), worker.getId(), new WorkerForm(f.townId(), f.name(), f.idNumber(), f.phone(), f.village(),
                f.villageGroup(), f.householdNo(), f.householdStatus(), f.skills(), f.bankName(), f.bankCard(), f.version(),
                List.of(codes)));
    }
}
