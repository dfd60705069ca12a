package org.workrelief.benchmark;

import java.io.OutputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.payout.BankService;
import org.workrelief.support.TestNumbers;

/**
 * The bank file at size: a released batch of many lines (workers with encrypted ID and card
 * numbers made for it), the plain SQL read of the rows the file holds, and the export timed with
 * the live heap it holds (sampled after collections while it runs).
 */
final class BankFileMeasurement {

    private final JdbcTemplate jdbc;
    private final DataProtector protector;
    private final BankService bank;

    BankFileMeasurement(JdbcTemplate jdbc, DataProtector protector, BankService bank) {
        this.jdbc = jdbc;
        this.protector = protector;
        this.bank = bank;
    }

    /**
     * One export: how long, how many bytes, and the most live heap it added, in the least and the most
     * of {@link #SAMPLED_RUNS} sampled runs. Anything else the JVM does meanwhile (the clients, the
     * application's jobs) can only add to a sample; what the export itself holds shows in every run.
     */
    record Export(double millis, long bytes, long heapGrowth, long heapGrowthMax) {

        double heapGrowthMegabytes() {
            return heapGrowth / 1024.0 / 1024.0;
        }

        double heapGrowthMaxMegabytes() {
            return heapGrowthMax / 1024.0 / 1024.0;
        }
    }

    static final int SAMPLED_RUNS = 3;

    /** Test data: that many new workers of the town, all on one released batch of the project. */
    long bigReleasedBatch(long townId, long projectId, LocalDate day, int lines) {
        Timestamp now = Timestamp.from(Instant.now());
        String prefix = "B" + Long.toString(System.nanoTime() % 1_000_000, 36);
        List<Object[]> workers = new ArrayList<>(10_000);
        for (int i = 0; i < lines; i++) {
            String id = TestNumbers.idNumber();
            String card = TestNumbers.bankCard();
            workers.add(new Object[] { prefix + i, townId, "工友" + i, protector.encrypt(id), protector.hash(id),
                    id.substring(0, 6) + "********" + id.substring(14), Date.valueOf("1980-01-01"), protector.encrypt(card),
                    protector.hash(card), "************" + card.substring(card.length() - 4), now, now });
            if (workers.size() == 10_000 || i == lines - 1) {
                insertWorkers(workers);
                workers.clear();
            }
        }
        Long batchId = jdbc.queryForObject("""
                insert into payout_batch (project_id, period_from, period_to, status, reissue_of, prepared_by,
                                          approved_by, approved_at, released_by, released_at, created_at, updated_at)
                values (?, ?, ?, 'RELEASED', null, 'bench', 'bench2', now(), 'bench3', now(), now(), now()) returning id
                """, Long.class, projectId, Date.valueOf(day), Date.valueOf(day));
        Long teamId = jdbc.queryForObject("select id from work_team where project_id = ? order by id limit 1", Long.class,
                projectId);
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

    /** The rows of the bank file by one plain SQL read (the numbers still encrypted); milliseconds. */
    double plainRead(long batchId, long expectedRows) {
        long start = System.nanoTime();
        AtomicLong read = new AtomicLong();
        jdbc.query("""
                select w.name, w.id_number_cipher, l.bank_card_cipher, l.bank_name, l.amount_payable
                from payout_line l join worker w on w.id = l.worker_id where l.batch_id = ? order by w.worker_code
                """, rs -> {
            read.incrementAndGet();
        }, batchId);
        double millis = (System.nanoTime() - start) / 1e6;
        if (read.get() != expectedRows) {
            throw new IllegalStateException("read " + read.get() + " rows, expected " + expectedRows);
        }
        return millis;
    }

    /** Times the export once, then runs it {@link #SAMPLED_RUNS} times while sampling the live heap after collections. */
    Export export(SignedInUser finance, long batchId, BankService.Format format) throws Exception {
        CountingStream timed = new CountingStream();
        long start = System.nanoTime();
        bank.writeBankFile(finance, batchId, format, timed);
        double millis = (System.nanoTime() - start) / 1e6;
        long least = Long.MAX_VALUE;
        long most = 0;
        for (int run = 0; run < SAMPLED_RUNS; run++) {
            long growth = sampledHeapGrowth(finance, batchId, format);
            least = Math.min(least, growth);
            most = Math.max(most, growth);
        }
        return new Export(millis, timed.count, least, most);
    }

    /** The most live heap above the start while the export runs once, sampled after collections. */
    private long sampledHeapGrowth(SignedInUser finance, long batchId, BankService.Format format) throws Exception {
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
        return Math.max(0, peak.get() - baseline);
    }

    private void insertWorkers(List<Object[]> rows) {
        jdbc.batchUpdate("""
                insert into worker (worker_code, town_id, name, id_number_cipher, id_number_hash, id_number_masked,
                                    birth_date, sex, village, household_status, bank_name, bank_card_cipher,
                                    bank_card_hash, bank_card_masked, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'MALE', '前埠村', 'ORDINARY', '农业银行', ?, ?, ?, ?, ?)
                """, rows);
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
}
