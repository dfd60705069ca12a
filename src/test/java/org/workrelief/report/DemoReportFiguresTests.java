package org.workrelief.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.workrelief.WorkReliefApplication;
import org.workrelief.account.AccountService;
import org.workrelief.account.SignedInUser;
import org.workrelief.dashboard.DashboardService;
import org.workrelief.dashboard.DashboardService.GroupFigures;
import org.workrelief.dashboard.ProjectFigures;
import org.workrelief.worker.WorkerGroups;

/**
 * The report's figures equal the dashboards' for the demo data (issue 20 §3): the application started as
 * the README starts it (its own embedded database, the demo loaded), the county's report of the year to
 * date read back from its XLSX, each project's line against that project's dashboard, and the county's
 * groups against the dashboards' groups.
 */
class DemoReportFiguresTests {

    @TempDir
    Path dataDir;

    @Test
    void theCountyReportOfTheDemoShowsWhatTheProjectDashboardsShow() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WorkReliefApplication.class).run(
                "--workrelief.test.own-embedded-database=true", "--workrelief.data-dir=" + dataDir, "--server.port=0")) {
            AccountService accounts = app.getBean(AccountService.class);
            ReportService reports = app.getBean(ReportService.class);
            DashboardService dashboards = app.getBean(DashboardService.class);
            WorkerGroups groups = app.getBean(WorkerGroups.class);
            LocalDate today = LocalDate.now(app.getBean(Clock.class));
            SignedInUser county = accounts.principalOf("admin");

            ReportService.Report report = reports.report(county, ReportService.Scope.COUNTY, null,
                    new Period(YearMonth.from(today), true));
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            app.getBean(ReportWorkbook.class).write(report, today, xlsx);
            ReportSheets sheet = new ReportSheets(xlsx.toByteArray());

            assertThat(report.lines()).hasSize(2);
            BigDecimal released = BigDecimal.ZERO;
            for (ReportService.Line line : report.lines()) {
                String code = line.project().getCode();
                DashboardService.ProjectDashboard dashboard = dashboards.dashboard(county, line.project().getId());
                ProjectFigures f = dashboard.figures();
                assertThat(line.people()).as(code + " people").isEqualTo(f.enrolled());
                assertThat(sheet.number(code, "吸纳务工人数（人，累计）|合计")).isEqualTo(f.enrolled());
                assertThat(line.wagesToDate()).as(code + " wages").isEqualByComparingTo(f.released());
                assertThat(sheet.number(code, ReportTests.WAGES_TO_DATE)).isEqualTo(f.released().doubleValue());
                assertThat(line.paidSharePercent()).as(code + " share").isEqualByComparingTo(f.releasedShareOfCentralPercent());
                assertThat(sheet.number(code, "发放劳务报酬（元）|占中央资金比例（%）"))
                        .isEqualTo(f.releasedShareOfCentralPercent().doubleValue());
                assertThat(line.trained()).as(code + " trained").isEqualTo(f.trained());
                assertThat(sheet.number(code, "培训人数（人，累计）")).isEqualTo(f.trained());
                for (GroupFigures g : dashboard.groups()) {
                    assertThat(line.peopleByGroup().get(g.code())).as(code + " " + g.code()).isEqualTo(g.people());
                    assertThat(sheet.number(code, "吸纳务工人数（人，累计）|其中：" + groups.name(g.code(), Locale.SIMPLIFIED_CHINESE)))
                            .isEqualTo(g.people());
                }
                released = released.add(f.released());
            }
            assertThat(report.totals().wagesToDate()).isEqualByComparingTo(released);
            assertThat(sheet.number("合计", ReportTests.WAGES_TO_DATE)).isEqualTo(released.doubleValue());

            // the groups of the county's demo, summed over its two projects' dashboards
            List<GroupFigures> county2 = report.groupsToDate();
            for (int i = 0; i < county2.size(); i++) {
                int index = i;
                BigDecimal wages = report.lines().stream().map(l -> dashboards.dashboard(county, l.project().getId())
                        .groups().get(index).wages()).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(county2.get(i).wages()).as(county2.get(i).code()).isEqualByComparingTo(wages);
            }
            assertThat(county2.get(0).people()).as("the demo has 脱贫人口 at work").isPositive();
            assertThat(county2.get(0).wages()).isPositive();

            // the reference project's monthly progress, all entered: 5.8 million invested and disbursed
            ReportService.Line reference = report.lines().get(0);
            assertThat(reference.investmentToDate()).isEqualByComparingTo("5800000.00");
            assertThat(reference.disbursedToDate()).isEqualByComparingTo("5800000.00");
            assertThat(reference.longTermJobs()).isPositive();
            assertThat(reference.assetsValue()).isPositive();
        }
    }
}
