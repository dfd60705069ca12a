package org.workrelief.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.payout.BankService;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutService;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.project.ProjectStatus;
import org.workrelief.support.Fixtures;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestNumbers;
import org.workrelief.worker.RosterImportService;

/**
 * Payout speed and memory: a batch for 1,000 workers × 31 approved days beside a plain SQL
 * aggregate of the same sign-ins, and a 100,000-line bank file in CSV and XLSX beside a plain SQL
 * read of the same rows: time, and the live heap the export holds (sampled after collections).
 * Targets: batch under 2 s and within 3× the plain SQL; exports stream (heap growth under 64 MB).
 * A measurement, not part of {@code ./mvnw verify}; docs/benchmarks.md gives the command.
 */
@SpringBootTest
@Import(RegistryFixtures.class)
class PayoutBenchmark {

    private static final int WORKERS = 1000;
    private static final int BANK_LINES = 100_000;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired RosterImportService importer;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired BankService bank;
    @Autowired DataProtector protector;
    @Autowired JdbcTemplate jdbc;

    @Test
    void batchCreationAndBankFileExport() throws Exception {
        Fixtures fixtures = new Fixtures(accounts);
        Town town = fixtures.town();
        SignedInUser admin = Principals.of(fixtures.user(Role.ADMIN, town));
        SignedInUser finance = Principals.of(fixtures.user(Role.FINANCE, town));
        YearMonth month = YearMonth.now(ZONE).minusMonths(1);
        while (month.lengthOfMonth() < 31) {
            month = month.minusMonths(1);
        }
        Project project = registry.project(admin, town);
        registry.team(admin, project, "开挖组");
        enroll(admin, project, month.atDay(1).minusDays(60));
        projects.advance(admin, project.getId(), ProjectStatus.RECRUITING);
        projects.advance(admin, project.getId(), ProjectStatus.UNDER_CONSTRUCTION);
        signInAndApproveTheMonth(project.getId(), month);

        plainAggregate(project.getId(), month); // warm the cache first, so neither side is timed cold
        long sqlStart = System.nanoTime();
        List<Long> plain = plainAggregate(project.getId(), month);
        double sqlMs = (System.nanoTime() - sqlStart) / 1e6;
        long batchStart = System.nanoTime();
        PayoutBatch batch = payouts.create(admin, project.getId(), month.atDay(1), month.atEndOfMonth());
        double batchMs = (System.nanoTime() - batchStart) / 1e6;
        assertThat(plain).hasSize(WORKERS);
        assertThat(batches.lines(admin, batch.id())).hasSize(WORKERS);
        bankFiles(town, project, month, finance, batchMs, sqlMs);
    }

    /** The same counted days as the batch reads, by one plain SQL aggregate. */
    private List<Long> plainAggregate(long projectId, YearMonth month) {
        return plainAggregate(jdbc, projectId, month.atDay(1), month.atEndOfMonth());
    }

    /** The counted days of a project's workers in a period by one plain SQL aggregate: the workers found. */
    static List<Long> plainAggregate(JdbcTemplate jdbc, long projectId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select worker_id, count(*) filter (where signs = 2), count(*) filter (where signs = 1)
                from (select p.worker_id, p.work_date, count(*) as signs from punch p
                      join daily_review r on r.project_id = p.project_id and r.review_date = p.work_date
                                         and r.status = 'APPROVED'
                      where p.project_id = ? and p.work_date between ? and ? group by p.worker_id, p.work_date) d
                group by worker_id
                """, (rs, i) -> rs.getLong(1), projectId, Date.valueOf(from), Date.valueOf(to));
    }

    private void bankFiles(Town town, Project project, YearMonth month, SignedInUser finance, double batchMs, double sqlMs)
            throws Exception {
        BankFileMeasurement measurement = new BankFileMeasurement(jdbc, protector, bank);
        long releasedBatch = measurement.bigReleasedBatch(town.getId(), project.getId(), month.atDay(1), BANK_LINES);
        double readMs = measurement.plainRead(releasedBatch, BANK_LINES);
        BankFileMeasurement.Export csv = measurement.export(finance, releasedBatch, BankService.Format.CSV);
        BankFileMeasurement.Export xlsx = measurement.export(finance, releasedBatch, BankService.Format.XLSX);

        System.out.println("\n=== Payout benchmark ===");
        System.out.printf("batch for %,d workers x %d days: %.0f ms (target < 2000 ms); plain SQL aggregate %.0f ms; ratio %.1f (target <= 3)%n",
                WORKERS, month.lengthOfMonth(), batchMs, sqlMs, batchMs / sqlMs);
        System.out.printf("plain SQL read of the %,d bank-file rows: %.0f ms%n", BANK_LINES, readMs);
        print("bank file CSV ", csv);
        print("bank file XLSX", xlsx);
        System.out.println("(heap growth: the most live heap above the start, sampled after collections during an export; the least of 3 sampled runs, as anything else the JVM does can only add to a sample; target < 64 MB)\n");
    }

    private static void print(String label, BankFileMeasurement.Export export) {
        System.out.printf("%s %,d lines: %.0f ms, %,d bytes, heap growth %.1f MB (the most of %d runs: %.1f MB)%n", label,
                BANK_LINES, export.millis(), export.bytes(), export.heapGrowthMegabytes(), BankFileMeasurement.SAMPLED_RUNS,
                export.heapGrowthMaxMegabytes());
    }

    private void enroll(SignedInUser admin, Project project, LocalDate from) throws Exception {
        List<String> headers = List.of("姓名", "身份证号", "村", "班组", "登记日期", "合同签订日期", "保险公司", "保单号", "保险起期", "保险止期");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            rows.add(List.of("王小明", TestNumbers.idNumber(), "前埠村", "开挖组", from.toString(), from.toString(), "中国人寿",
                    "B-" + i, from.toString(), from.plusYears(1).toString()));
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        SheetWriter.csv(headers, rows, csv);
        var result = importer.importRoster(admin, project.getId(), "bench.csv", new ByteArrayInputStream(csv.toByteArray()));
        assertThat(result.errors()).isEmpty();
    }

    /** Test data, not the path measured: every worker signs in twice a day and the committee approved each day. */
    private void signInAndApproveTheMonth(long projectId, YearMonth month) {
        jdbc.update("""
                insert into punch (project_id, worker_id, work_date, slot, punched_at, source, recorded_by,
                                   created_at, updated_at)
                select e.project_id, e.worker_id, d::date, s.slot, d + s.at, 'DEVICE', 'bench', now(), now()
                from enrollment e
                cross join generate_series(?::date, ?::date, interval '1 day') d
                cross join (values ('AM', interval '8 hours'), ('PM', interval '17 hours')) s(slot, at)
                where e.project_id = ?
                """, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()), projectId);
        // the register of worked days, as each day's first sign-in writes it
        jdbc.update("insert into attendance_day (project_id, work_date) select distinct project_id, work_date from punch "
                + "where project_id = ?", projectId);
        jdbc.update("""
                insert into daily_review (project_id, review_date, round, status, opened_by, opened_at, quality_result,
                                          safety_helmets, safety_signage, safety_slope, safety_machinery,
                                          approved_by, approved_at, created_at, updated_at)
                select ?, d::date, 1, 'APPROVED', 'bench', now(), 'PASS', true, true, true, true, 'bench', now(), now(), now()
                from generate_series(?::date, ?::date, interval '1 day') d
                """, projectId, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()));
    }
}
