package org.workrelief.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.AccountService;
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
 * A measurement, not part of {@code ./mvnw verify}; the README gives the command.
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
        assertThat(payouts.lines(admin, batch.id())).hasSize(WORKERS);
        bankFiles(town, project, month, finance, batchMs, sqlMs);
    }

    /** The same counted days as the batch reads, by one plain SQL aggregate. */
    private List<Long> plainAggregate(long projectId, YearMonth month) {
        return jdbc.query("""
                select worker_id, count(*) filter (where signs = 2), count(*) filter (where signs = 1)
                from (select p.worker_id, p.work_date, count(*) as signs from punch p
                      join daily_review r on r.project_id = p.project_id and r.review_date = p.work_date
                                         and r.status = 'APPROVED'
                      where p.project_id = ? and p.work_date between ? and ? group by p.worker_id, p.work_date) d
                group by worker_id
                """, (rs, i) -> rs.getLong(1), projectId, Date.valueOf(month.atDay(1)),
                Date.valueOf(month.atEndOfMonth()));
    }

    private void bankFiles(Town town, Project project, YearMonth month, SignedInUser finance, double batchMs, double sqlMs)
            throws Exception {
        long releasedBatch = bigReleasedBatch(town, project, month);
        long readStart = System.nanoTime();
        AtomicLong read = new AtomicLong();
        jdbc.query("""
                select w.name, w.id_number_cipher, l.bank_card_cipher, l.bank_name, l.amount_payable
                from payout_line l join worker w on w.id = l.worker_id where l.batch_id = ? order by w.worker_code
                """, rs -> {
            read.incrementAndGet();
        }, releasedBatch);
        double readMs = (System.nanoTime() - readStart) / 1e6;
        assertThat(read.get()).isEqualTo(BANK_LINES);

        Export csv = export(finance, releasedBatch, BankService.Format.CSV);
        Export xlsx = export(finance, releasedBatch, BankService.Format.XLSX);

        System.out.println("\n=== Payout benchmark ===");
        System.out.printf("batch for %,d workers x %d days: %.0f ms (target < 2000 ms); plain SQL aggregate %.0f ms; ratio %.1f (target <= 3)%n",
                WORKERS, month.lengthOfMonth(), batchMs, sqlMs, batchMs / sqlMs);
        System.out.printf("plain SQL read of the %,d bank-file rows: %.0f ms%n", BANK_LINES, readMs);
        csv.print("bank file CSV ");
        xlsx.print("bank file XLSX");
        System.out.println("(heap growth: the most live heap above the start, sampled after collections during the export; target < 64 MB)\n");
    }

    private record Export(double millis, long bytes, long heapGrowth) {
        void print(String label) {
            System.out.printf("%s %,d lines: %.0f ms, %,d bytes, heap growth %.1f MB%n", label, BANK_LINES, millis, bytes,
                    heapGrowth / 1024.0 / 1024.0);
        }
    }

    /** Times the export once, then runs it again while sampling the live heap after collections. */
    private Export export(SignedInUser finance, long batchId, BankService.Format format) throws Exception {
        CountingStream timed = new CountingStream();
        long start = System.nanoTime();
        bank.writeBankFile(finance, batchId, format, timed);
        double millis = (System.nanoTime() - start) / 1e6;

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long baseline = runtime.totalMemory() - runtime.freeMemory();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                System.gc();
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(100);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        bank.writeBankFile(finance, batchId, format, new CountingStream());
        running.set(false);
        sampler.join();
        return new Export(millis, timed.count, Math.max(0, peak.get() - baseline));
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
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
        jdbc.update("""
                insert into daily_review (project_id, review_date, round, status, opened_by, opened_at, quality_result,
                                          safety_helmets, safety_signage, safety_slope, safety_machinery,
                                          approved_by, approved_at, created_at, updated_at)
                select ?, d::date, 1, 'APPROVED', 'bench', now(), 'PASS', true, true, true, true, 'bench', now(), now(), now()
                from generate_series(?::date, ?::date, interval '1 day') d
                """, projectId, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()));
    }

    /** Test data: 100,000 workers with encrypted ID and card numbers, all on one released batch. */
    private long bigReleasedBatch(Town town, Project project, YearMonth month) {
        Timestamp now = Timestamp.from(Instant.now());
        String prefix = "B" + Long.toString(System.nanoTime() % 1_000_000, 36);
        List<Object[]> workers = new ArrayList<>(10_000);
        for (int i = 0; i < BANK_LINES; i++) {
            String id = TestNumbers.idNumber();
            String card = TestNumbers.bankCard();
            workers.add(new Object[] { prefix + i, town.getId(), "工友" + i, protector.encrypt(id), protector.hash(id),
                    id.substring(0, 6) + "********" + id.substring(14), Date.valueOf("1980-01-01"), protector.encrypt(card),
                    protector.hash(card), "************" + card.substring(card.length() - 4), now, now });
            if (workers.size() == 10_000) {
                insertWorkers(workers);
                workers.clear();
            }
        }
        Long batchId = jdbc.queryForObject("""
                insert into payout_batch (project_id, period_from, period_to, status, reissue_of, prepared_by,
                                          approved_by, approved_at, released_by, released_at, created_at, updated_at)
                values (?, ?, ?, 'RELEASED', null, 'bench', 'bench2', now(), 'bench3', now(), now(), now()) returning id
                """, Long.class, project.getId(), Date.valueOf(month.atDay(1)), Date.valueOf(month.atDay(1)));
        Long teamId = jdbc.queryForObject("select id from work_team where project_id = ? limit 1", Long.class, project.getId());
        // released batches refuse changed lines, but taking new ones is how a batch is built
        jdbc.update("""
                insert into payout_line (batch_id, worker_id, team_id, team_name, full_days, half_days, days, day_rate,
                                         amount_due, deduction, amount_payable, bank_name, bank_card_cipher,
                                         bank_card_masked, bank_card_hash, created_at, updated_at)
                select ?, w.id, ?, '开挖组', 20, 1, 20.5, 160.00, 3280.00, 0, 3280.00, '农业银行', w.bank_card_cipher,
                       w.bank_card_masked, w.bank_card_hash, now(), now()
                from worker w where w.worker_code like ?
                """, batchId, teamId, prefix + "%");
        return batchId;
    }

    private void insertWorkers(List<Object[]> rows) {
        jdbc.batchUpdate("""
                insert into worker (worker_code, town_id, name, id_number_cipher, id_number_hash, id_number_masked,
                                    birth_date, sex, village, household_status, bank_name, bank_card_cipher,
                                    bank_card_hash, bank_card_masked, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'MALE', '前埠村', 'ORDINARY', '农业银行', ?, ?, ?, ?, ?)
                """, rows);
    }
}
