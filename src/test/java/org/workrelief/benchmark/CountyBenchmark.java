package org.workrelief.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.workrelief.WorkReliefApplication;
import org.workrelief.account.SignedInUser;
import org.workrelief.attendance.DeviceTokenService;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.payout.BankService;
import org.workrelief.payout.PayoutService;
import org.workrelief.project.ProjectStatus;
import org.workrelief.scale.CountyGenerator;
import org.workrelief.support.HttpBrowser;
import org.workrelief.support.QueryPlans;
import org.workrelief.support.StatementCounter;
import org.workrelief.support.TestDatabase;
import org.workrelief.support.TestDatabaseInitializer;

/**
 * The county benchmark (issue 8): one command that generates a county into a new PostgreSQL
 * database, runs the application on it, and prints one table: each figure beside its plain-SQL or
 * plain-JDBC baseline measured in the same run, the ratio and the target.
 *
 * <pre>
 * ./mvnw -q test -Dtest=CountyBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Options: {@code county.scale} (1.0: 20 towns, 200 projects, 50,000 workers, about six million
 * sign-ins), {@code county.seed}, {@code benchmark.seconds} (each sign-in run, default 15) and
 * {@code benchmark.page-seconds} (each page, default 5; every page is first warmed for
 * {@code benchmark.page-warm-up-seconds}, default 4). The database is a new one on the tests'
 * PostgreSQL server ({@link TestDatabase}). The device sign-ins and the pages are asked of the
 * application in a JVM of its own, started as it is deployed, from this JVM (a separate process,
 * though on the same two cores: every figure includes the cost of asking); beside each sign-in run,
 * in the same run, the server's cheapest endpoint (health) and the authenticated no-op behind the
 * same token filter ({@code GET /api/v1/ping}). The application in this JVM only sets the county up
 * (generates it, issues the tokens, records each page's statements for its SQL floor) and measures
 * what is not asked over HTTP: the payout batches and the bank files, called as services.
 */
class CountyBenchmark {

    private static final ZoneId ZONE = CountyGenerator.ZONE;
    private static final long SEED = Long.getLong("county.seed", 42L);
    private static final double SCALE = Double.parseDouble(System.getProperty("county.scale", "1.0"));
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("benchmark.seconds", 15));
    private static final Duration PAGE_RUN = Duration.ofSeconds(Long.getLong("benchmark.page-seconds", 5));
    private static final Duration PAGE_WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.page-warm-up-seconds", 4));
    /** Days after the generated three months left without sign-ins, for the device runs. */
    private static final int FREE_DAYS = 7;
    private static final int[] SIGN_IN_CLIENTS = { 8, 32, 64 };
    /** Timed creations of the largest project's batch (each rolled back); the table shows the median. */
    private static final int BATCH_RUNS = 7;
    private static final int PAGE_USERS = 16;
    private static final int BANK_LINES = 100_000;

    private final List<Row> table = new ArrayList<>();
    private final LocalDate today = LocalDate.now(ZONE);
    private ConfigurableApplicationContext app;
    private JdbcTemplate jdbc;
    private URI base;
    /** The application in its own JVM, which the sign-ins and the pages are asked of. */
    private URI own;
    /** The device runs' state. */
    private List<Person> people;
    private Map<Long, String> tokenOf;
    private long capacity;
    private final AtomicLong apiSequence = new AtomicLong();

    /** One line of the table: the figure, the app's value, the baseline's, their ratio and the target. */
    private record Row(String figure, String value, String baseline, String ratio, String target) {
    }

    @Test
    void county() throws Exception {
        TestDatabase server = TestDatabase.get();
        String url = server.createDatabase("county_benchmark");
        try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
                java.sql.Statement statement = connection.createStatement()) {
            // as recommended for a server on SSD (docs/deployment.md)
            statement.execute("alter database county_benchmark set random_page_cost = 1.1");
        }
        long emptyStart = System.nanoTime();
        app = start(url, server);
        double emptyStartSeconds = seconds(emptyStart);
        jdbc = app.getBean(JdbcTemplate.class);
        base = URI.create("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort());

        CountyGenerator.Summary county = CountyGenerator.generate(app.getBean(org.flywaydb.core.Flyway.class).getConfiguration().getDataSource(),
                app.getBean(DataProtector.class), SEED, SCALE, today.minusDays(FREE_DAYS + 1), false, 2);
        System.out.println(county.describe());

        table.add(new Row("application start-up on an empty database, migrating it (s)", fmt(emptyStartSeconds), "-", "-",
                "-"));
        Process ownProcess = ownJvm(url, server);
        try {
            signIns(ownProcess);
            batches(county);
            pages(county);
        }
        finally {
            ownProcess.destroy();
            ownProcess.waitFor();
        }
        bankFiles(county);

        print(county);
        app.close();
    }

    // --- start-up -----------------------------------------------------------------------------------

    private static ConfigurableApplicationContext start(String url, TestDatabase server) {
        var arguments = new java.util.ArrayList<>(server.applicationArguments(url));
        arguments.addAll(java.util.List.of("--server.port=0", "--workrelief.jobs.enabled=false", "--logging.level.root=WARN"));
        return new SpringApplicationBuilder(WorkReliefApplication.class, StatementCounter.class)
                .run(arguments.toArray(String[]::new));
    }

    /**
     * Starts the application in a JVM of its own, as it is deployed, on the generated county, and
     * records how long until it is ready (beside opening a JDBC connection and reading the schema
     * version). The sign-ins and the pages are then asked of it; the caller stops it.
     */
    private Process ownJvm(String url, TestDatabase server) throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("county-app", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        long started = System.nanoTime();
        var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8", WorkReliefApplication.class.getName(), "--server.port=" + port,
                "--workrelief.data-key=" + TestDatabaseInitializer.TEST_DATA_KEY, "--workrelief.jobs.enabled=false",
                "--logging.level.root=WARN"));
        command.addAll(server.applicationArguments(url));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        own = URI.create("http://localhost:" + port);
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            if (!process.isAlive() || seconds(started) > 180) {
                process.destroy();
                throw new IllegalStateException("the application did not start; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(own.resolve("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            }
            catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        double startSeconds = seconds(started);
        long jdbcStart = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
                java.sql.Statement statement = connection.createStatement()) {
            statement.executeQuery("select max(installed_rank) from flyway_schema_history").close();
        }
        double jdbcSeconds = seconds(jdbcStart);
        table.add(new Row("application start-up on the county, own JVM, until ready (s)", fmt(startSeconds),
                fmt(jdbcSeconds) + " JDBC connect", ratio(startSeconds, jdbcSeconds), "-"));
        return process;
    }

    /** The resident memory of a process sampled every 200 ms while a load runs: its peak. */
    private static long peakResidentDuring(long pid, java.util.concurrent.Callable<?> load) throws Exception {
        AtomicLong peak = new AtomicLong(rssBytes(pid));
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rssBytes(pid), Math::max);
                try {
                    Thread.sleep(200);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        try {
            load.call();
        }
        finally {
            sampler.interrupt();
        }
        return peak.get();
    }

    // --- device sign-ins ----------------------------------------------------------------------------

    private record Person(String workerCode, long projectId, long workerId) {
    }

    /**
     * At 8, 32 and 64 terminals, in one run: health (the server's floor), the no-op behind the token
     * filter, first sign-ins (201, each a half-day never sent before) and repeats (200: half-days the
     * first sign-ins stored, sent again), beside a plain JDBC insert of the same rows; the ratios are to
     * the no-op, as the device API benchmark's. Then the application's resident memory, idle and at its
     * peak under 32 terminals signing in.
     */
    private void signIns(Process ownProcess) throws Exception {
        LocalDate firstFree = today.minusDays(FREE_DAYS);
        LocalDate lastFree = today.minusDays(1);
        List<String> active = Arrays.stream(ProjectStatus.values()).filter(ProjectStatus::acceptsAttendance)
                .map(Enum::name).toList();
        people = jdbc.query("""
                select w.worker_code, e.project_id, e.worker_id
                from enrollment e join worker w on w.id = e.worker_id join project p on p.id = e.project_id
                where p.status = any(?) and e.left_on is null and e.enrolled_on <= ? and e.contract_signed_on is not null
                  and e.insurance_from <= ? and e.insurance_to >= ?
                order by e.id
                """, (rs, i) -> new Person(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                active.toArray(String[]::new), Date.valueOf(firstFree), Date.valueOf(firstFree), Date.valueOf(lastFree));
        SignedInUser admin = user("xc-admin");
        DeviceTokenService tokens = app.getBean(DeviceTokenService.class);
        tokenOf = new HashMap<>();
        for (Person person : people) {
            tokenOf.computeIfAbsent(person.projectId(), id -> tokens.issue(admin, id, "bench-gate").plainToken());
        }
        capacity = 2L * FREE_DAYS * people.size();
        AtomicLong jdbcSequence = new AtomicLong();
        Load.Call first = signInCall(own, 201);
        Load.Call plain = jdbcCall(people);
        Load.Call health = getCall(own.resolve("/actuator/health/liveness"), null, 200);
        Load.Call ping = getCall(own.resolve("/api/v1/ping"), tokenOf.values().iterator().next(), 204);
        Load.run(32, Duration.ofSeconds(10), health, 0); // warm-up
        Load.run(32, Duration.ofSeconds(10), ping, 0);
        consume(apiSequence, Load.run(32, Duration.ofSeconds(10), first, apiSequence.get()));
        for (int clients : SIGN_IN_CLIENTS) {
            Load.Result floor = Load.run(clients, RUN, health, 0);
            Load.Result noOp = Load.run(clients, RUN, ping, 0);
            long firstOfRun = apiSequence.get();
            Load.Result signedIn = consume(apiSequence, Load.run(clients, RUN, first, apiSequence.get()));
            // the same half-days again, cycling over what this run stored: each answered 200, nothing stored
            long stored = apiSequence.get() - firstOfRun;
            Load.Call repeat = signInCall(own, 200);
            Load.Call again = n -> repeat.call(firstOfRun + n % stored);
            Load.Result repeats = Load.run(clients, RUN, again, 0);
            Load.Result baseline = consume(jdbcSequence, Load.run(clients, RUN, plain, jdbcSequence.get()));
            String at = "device API, " + clients + " terminals: ";
            table.add(new Row(at + "health, requests/s (p50 / p99 ms)", rateAndLatency(floor), "-", "-", "-"));
            table.add(new Row(at + "no-op behind the token, requests/s (p50 / p99 ms)", rateAndLatency(noOp), "-",
                    ratio(noOp.rate(), floor.rate()) + " of health", "-"));
            table.add(new Row(at + "first sign-ins (201)/s (p50 / p99 ms)", rateAndLatency(signedIn),
                    fmt(noOp.rate()) + " no-op (p99 " + fmt(noOp.percentileMillis(0.99)) + ")",
                    ratio(signedIn.rate(), noOp.rate()), ">= 0.5, p99 <= 1.5x"));
            table.add(new Row(at + "first sign-ins: p99 / no-op p99", fmt(signedIn.percentileMillis(0.99)),
                    fmt(noOp.percentileMillis(0.99)) + " no-op",
                    ratio(signedIn.percentileMillis(0.99), noOp.percentileMillis(0.99)), "<= 1.5"));
            table.add(new Row(at + "repeats (200)/s (p50 / p99 ms)", rateAndLatency(repeats), fmt(noOp.rate()) + " no-op",
                    ratio(repeats.rate(), noOp.rate()), ">= 0.7"));
            table.add(new Row(at + "first sign-ins beside a plain JDBC insert/s", fmt(signedIn.rate()),
                    fmt(baseline.rate()) + " JDBC insert", ratio(signedIn.rate(), baseline.rate()), "-"));
            for (var run : List.of(Map.entry("health", floor), Map.entry("no-op", noOp), Map.entry("first", signedIn),
                    Map.entry("repeats", repeats))) {
                if (run.getValue().errors() > 0) {
                    table.add(new Row("  (" + clients + " terminals, " + run.getKey() + ": calls not answered as expected)",
                            String.valueOf(run.getValue().errors()), "-", "-", "0"));
                }
            }
        }
        long idle = rssBytes(ownProcess.pid());
        Load.Result[] load = new Load.Result[1];
        long peak = peakResidentDuring(ownProcess.pid(),
                () -> load[0] = consume(apiSequence, Load.run(32, RUN, first, apiSequence.get())));
        table.add(new Row("resident memory of the application, own JVM, 32 terminals signing in (MB)",
                fmt(peak / 1024.0 / 1024.0) + " (" + fmt(load[0].rate()) + "/s)", fmt(idle / 1024.0 / 1024.0) + " idle",
                ratio(peak, idle), "-"));
        // the baseline's rows are not sign-ins of anyone: take them out again
        jdbc.update("delete from punch where device_id = 'bench-jdbc'");
    }

    private static String rateAndLatency(Load.Result result) {
        return fmt(result.rate()) + " (" + fmt(result.percentileMillis(0.5)) + " / " + fmt(result.percentileMillis(0.99))
                + ")";
    }

    /** A GET that must answer the status, with a device token when one is given. */
    private static Load.Call getCall(URI uri, String token, int expectedStatus) {
        HttpClient http = SignIns.terminal();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        return n -> {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != expectedStatus) {
                throw new IllegalStateException(uri.getPath() + " answered " + status);
            }
        };
    }

    private static Load.Result consume(AtomicLong sequence, Load.Result result) {
        sequence.addAndGet(result.count() + result.errors());
        return result;
    }

    /**
     * The n-th sign-in: person n mod N, then AM and PM of each free day, newest day first. The first
     * time a number is asked it is never a repeat (201); asked again it is one (200).
     */
    private Load.Call signInCall(URI server, int expectedStatus) {
        HttpClient http = SignIns.terminal();
        URI uri = server.resolve("/api/v1/punches");
        return n -> {
            if (n >= capacity) {
                throw new IllegalStateException("every free half-day has been signed in: lower benchmark.seconds");
            }
            Person person = people.get((int) (n % people.size()));
            SignIns.post(http, uri, tokenOf.get(person.projectId()), person.workerCode(),
                    moment(today.minusDays(1), n / people.size()), expectedStatus);
        };
    }

    /** The same rows by a plain INSERT, on days long before the county's (nobody signed in then). */
    private Load.Call jdbcCall(List<Person> people) {
        return n -> {
            Person person = people.get((int) (n % people.size()));
            SignIns.insert(jdbc, person.projectId(), person.workerId(), moment(today.minusDays(1000), n / people.size()),
                    "bench-jdbc");
        };
    }

    /** The k-th half-day counted back from a day: AM at 07:30, then PM at 14:30, then the day before. */
    private static ZonedDateTime moment(LocalDate newest, long k) {
        LocalDate day = newest.minusDays(k / 2);
        return k % 2 == 0 ? day.atTime(7, 30).atZone(ZONE) : day.atTime(14, 30).atZone(ZONE);
    }

    // --- payout batches -----------------------------------------------------------------------------

    /** The approved days after a project's last batch, within one month: what the next batch takes. */
    private record Period(long projectId, LocalDate from, LocalDate to) {
    }

    private List<Period> openPeriods() {
        return jdbc.query("""
                select p.id, coalesce(max(b.period_to) + 1, min(r.review_date)), max(r.review_date)
                from project p
                join daily_review r on r.project_id = p.id and r.status = 'APPROVED'
                left join payout_batch b on b.project_id = p.id
                group by p.id
                having max(r.review_date) > coalesce(max(b.period_to), date '1900-01-01')
                order by p.id
                """, (rs, i) -> {
            LocalDate from = rs.getDate(2).toLocalDate();
            LocalDate to = rs.getDate(3).toLocalDate();
            LocalDate endOfMonth = from.withDayOfMonth(from.lengthOfMonth());
            return new Period(rs.getLong(1), from, to.isAfter(endOfMonth) ? endOfMonth : to);
        });
    }

    private void batches(CountyGenerator.Summary county) {
        SignedInUser admin = user("xc-admin");
        PayoutService payouts = app.getBean(PayoutService.class);
        List<Period> open = openPeriods();
        Period largest = open.stream().filter(p -> p.projectId() == county.largestProjectId()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the largest project has no approved days to pay"));

        // the other projects' batches first: the largest is then timed warm, as its SQL aggregate is
        List<Period> rest = open.stream().filter(p -> p.projectId() != largest.projectId()).toList();
        long countySqlStart = System.nanoTime();
        long countyRows = plainAggregate(open);
        double countySqlMillis = millis(countySqlStart);
        long restStart = System.nanoTime();
        for (Period period : rest) {
            payouts.create(admin, period.projectId(), period.from(), period.to());
        }
        double restMillis = millis(restStart);

        // the largest project's batch, timed BATCH_RUNS times each rolled back (the median), then made for good;
        // beside its SQL aggregate, and the least the database must do: that aggregate and the lines written by one
        // INSERT ... SELECT (rolled back too)
        TransactionTemplate rolledBack = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        double[] batchRuns = new double[BATCH_RUNS];
        double[] sqlRuns = new double[BATCH_RUNS];
        double[] floorRuns = new double[BATCH_RUNS];
        long plainRows = plainAggregate(List.of(largest));
        for (int run = 0; run < BATCH_RUNS; run++) {
            long sqlStart = System.nanoTime();
            plainAggregate(List.of(largest));
            sqlRuns[run] = millis(sqlStart);
            long floorStart = System.nanoTime();
            rolledBack.executeWithoutResult(status -> {
                plainBatch(largest);
                status.setRollbackOnly();
            });
            floorRuns[run] = millis(floorStart);
            long batchStart = System.nanoTime();
            rolledBack.executeWithoutResult(status -> {
                payouts.create(admin, largest.projectId(), largest.from(), largest.to());
                status.setRollbackOnly();
            });
            batchRuns[run] = millis(batchStart);
        }
        long madeStart = System.nanoTime();
        payouts.create(admin, largest.projectId(), largest.from(), largest.to());
        double madeMillis = millis(madeStart);
        double batchMillis = median(batchRuns);
        double sqlMillis = median(sqlRuns);
        double floorMillis = median(floorRuns);
        table.add(new Row("payout batch, largest project (" + plainRows + " workers, " + largest.from() + ".." + largest.to()
                + "), median of " + BATCH_RUNS + ", ms", fmt(batchMillis), fmt(sqlMillis) + " SQL aggregate",
                ratio(batchMillis, sqlMillis), "< 2000 ms, ratio <= 3"));
        table.add(new Row("  the same, beside the aggregate and its lines written by one INSERT ... SELECT, ms",
                fmt(batchMillis), fmt(floorMillis) + " SQL aggregate + insert", ratio(batchMillis, floorMillis), "-"));
        double countyMillis = restMillis + madeMillis;
        table.add(new Row("payout batches, whole county (" + open.size() + " projects, " + countyRows + " workers), s",
                fmt(countyMillis / 1000), fmt(countySqlMillis / 1000) + " SQL aggregate",
                ratio(countyMillis, countySqlMillis), "< 30 s"));
    }

    /** The counted days of the periods' workers by one plain SQL aggregate: how many workers it found. */
    private long plainAggregate(List<Period> periods) {
        long workers = 0;
        for (Period period : periods) {
            workers += PayoutBenchmark.plainAggregate(jdbc, period.projectId(), period.from(), period.to()).size();
        }
        return workers;
    }


    /**
     * A batch's lines computed and written by SQL alone, the columns {@code PayoutService.create} writes
     * (the aggregate above; each worker's team as of the period's end; days, amount due and payable): the
     * database's share of a creation, with nothing of the application's. A little cheaper than the
     * service's own count, which also leaves out days whose anomalies were rejected. Call it in a
     * transaction that is rolled back.
     */
    private void plainBatch(Period period) {
        Long batch = jdbc.queryForObject("""
                insert into payout_batch (project_id, period_from, period_to, status, prepared_by, created_at, updated_at)
                values (?, ?, ?, 'DRAFT', 'benchmark', now(), now()) returning id
                """, Long.class, period.projectId(), Date.valueOf(period.from()), Date.valueOf(period.to()));
        jdbc.update("""
                insert into payout_line (batch_id, worker_id, team_id, team_name, full_days, half_days, days, day_rate,
                                         amount_due, deduction, amount_payable, created_at, updated_at)
                select ?, a.worker_id, t.id, t.name, a.full_days, a.half_days, a.days, t.day_rate,
                       round(a.days * t.day_rate, 2), 0, round(a.days * t.day_rate, 2), now(), now()
                from (select worker_id, count(*) filter (where signs = 2) as full_days,
                             count(*) filter (where signs = 1) as half_days,
                             count(*) filter (where signs = 2) + count(*) filter (where signs = 1) * 0.5 as days
                      from (select p.worker_id, p.work_date, count(*) as signs from punch p
                            join daily_review r on r.project_id = p.project_id and r.review_date = p.work_date
                                               and r.status = 'APPROVED'
                            where p.project_id = ? and p.work_date between ? and ? group by p.worker_id, p.work_date) d
                      group by worker_id) a
                join lateral (select w.id, w.name, w.day_rate from enrollment e join work_team w on w.id = e.team_id
                              where e.project_id = ? and e.worker_id = a.worker_id and e.enrolled_on <= ?
                              order by e.enrolled_on desc, e.id desc limit 1) t on true
                """, batch, period.projectId(), Date.valueOf(period.from()), Date.valueOf(period.to()), period.projectId(),
                Date.valueOf(period.to()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    // --- bank file ----------------------------------------------------------------------------------

    private void bankFiles(CountyGenerator.Summary county) throws Exception {
        BankFileMeasurement measurement = new BankFileMeasurement(jdbc, app.getBean(DataProtector.class),
                app.getBean(BankService.class));
        long townId = jdbc.queryForObject("select town_id from project where id = ?", Long.class,
                county.largestProjectId());
        long batch = measurement.bigReleasedBatch(townId, county.largestProjectId(), today.minusDays(2000), BANK_LINES);
        measurement.plainRead(batch, BANK_LINES); // warm
        double readMillis = measurement.plainRead(batch, BANK_LINES);
        SignedInUser finance = user("xc-finance");
        for (BankService.Format format : BankService.Format.values()) {
            BankFileMeasurement.Export export = measurement.export(finance, batch, format);
            table.add(new Row("bank file, " + BANK_LINES / 1000 + "k lines " + format + ": ms (heap growth MB, least; most of 3 runs)",
                    fmt(export.millis()) + " (" + fmt(export.heapGrowthMegabytes()) + "; " + fmt(export.heapGrowthMaxMegabytes()) + ")",
                    fmt(readMillis) + " SQL read", ratio(export.millis(), readMillis), "streams: heap < 64 MB"));
        }
    }

    // --- pages --------------------------------------------------------------------------------------

    private void pages(CountyGenerator.Summary county) throws Exception {
        long project = county.largestProjectId();
        long town = jdbc.queryForObject("select town_id from project where id = ?", Long.class, project);
        long settled = jdbc.queryForObject("select min(id) from payout_batch where project_id = ?", Long.class, project);
        LocalDate reviewed = jdbc.queryForObject("""
                select max(review_date) from daily_review where project_id = ? and status = 'APPROVED'
                """, LocalDate.class, project);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("county dashboard", "/dashboard");
        pages.put("project list", "/projects");
        pages.put("project page", "/projects/" + project);
        pages.put("project dashboard", "/projects/" + project + "/dashboard");
        pages.put("project roster", "/projects/" + project + "/roster");
        pages.put("worker registry", "/workers");
        pages.put("daily sheet", "/projects/" + project + "/attendance?date=" + reviewed);
        pages.put("project payouts", "/projects/" + project + "/payouts");
        pages.put("payout batch", "/payouts/" + settled);
        pages.put("audit log", "/audit");
        pages.put("public town page", "/public/towns/" + town);

        List<HttpBrowser> users = new ArrayList<>();
        for (int i = 0; i < PAGE_USERS; i++) {
            users.add(signedIn(own));
        }
        // the same user on the application in this JVM, where the page's statements are recorded for its floor
        List<HttpBrowser> recorder = List.of(signedIn(base));
        DataSource dataSource = app.getBean(DataSource.class);
        // every page under load once before any is measured: the server as it runs all day, its code compiled. On
        // 2 cores the JIT compiler took a third of the server's time during a page's first seconds, and which page
        // paid for it depended on the order of the list
        for (String path : pages.values()) {
            long first = System.nanoTime();
            pageCall(users, own, path).call(0);
            pageCall(recorder, base, path).call(0);
            System.out.printf("first request of %s: %.0f ms%n", path, millis(first));
            Load.run(PAGE_USERS, PAGE_WARM_UP, pageCall(users, own, path), 0);
        }
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Load.Call get = pageCall(users, own, page.getValue());
            Load.Call recorded = pageCall(recorder, base, page.getValue());
            // the page's own statements, as it ran them in this JVM, replayed by plain JDBC: its floor. Recorded
            // on the second request, as the page runs under load (the first one may fill what the page keeps,
            // such as the overview's figures)
            recorded.call(0);
            List<StatementCounter.Executed> statements = StatementCounter.recordEverywhere(() -> {
                recorded.call(0);
                return null;
            });
            if (Boolean.getBoolean("plans.show")) {
                try (Connection connection = dataSource.getConnection()) {
                    for (StatementCounter.Executed statement : statements) {
                        if (statement.sql().stripLeading().toLowerCase().startsWith("select")
                                || statement.sql().stripLeading().toLowerCase().startsWith("with")) {
                            System.out.println("--- " + page.getKey() + "\n" + statement.sql() + "\n"
                                    + QueryPlans.plan(connection, statement, true));
                        }
                    }
                }
            }
            Load.Call replay = n -> {
                try (Connection connection = dataSource.getConnection()) {
                    for (StatementCounter.Executed statement : statements) {
                        statement.replay(connection);
                    }
                }
            };
            Load.run(PAGE_USERS, Duration.ofSeconds(2), get, 0);
            Load.Result served = Load.run(PAGE_USERS, PAGE_RUN, get, 0);
            Load.run(PAGE_USERS, Duration.ofSeconds(1), replay, 0);
            Load.Result plain = Load.run(PAGE_USERS, PAGE_RUN, replay, 0);
            table.add(new Row("page " + page.getKey() + " (" + statements.size() + " statements), 16 users: p50 / p95 ms",
                    fmt(served.percentileMillis(0.5)) + " / " + fmt(served.percentileMillis(0.95))
                            + (served.errors() > 0 ? " (" + served.errors() + " errors)" : ""),
                    fmt(plain.percentileMillis(0.5)) + " / " + fmt(plain.percentileMillis(0.95)) + " its SQL",
                    ratio(served.percentileMillis(0.95), plain.percentileMillis(0.95)), "p95 < 150 ms"));
        }
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static HttpBrowser signedIn(URI server) throws Exception {
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> signedIn = browser.signIn(server, "xc-admin", CountyGenerator.PASSWORD);
        if (signedIn.statusCode() != 302 || !HttpBrowser.location(signedIn).equals("/")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode());
        }
        return browser;
    }

    /** One signed-in user (of the n-th call) asking a server for a page, which must answer 200. */
    private static Load.Call pageCall(List<HttpBrowser> users, URI server, String path) {
        URI uri = server.resolve(path);
        return n -> {
            HttpResponse<String> response = users.get((int) (n % users.size())).get(uri);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        };
    }

    private SignedInUser user(String username) {
        return (SignedInUser) app.getBean(UserDetailsService.class).loadUserByUsername(username);
    }

    /** A process's resident set (Linux), 0 where /proc is not there. */
    private static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        }
        catch (Exception e) {
            // not Linux, or the process has ended: no figure
        }
        return 0;
    }

    private void print(CountyGenerator.Summary county) {
        int width = table.stream().mapToInt(r -> r.figure().length()).max().orElse(10);
        String format = "%-" + width + "s | %-18s | %-28s | %-7s | %s%n";
        System.out.printf("%n=== County benchmark: scale %s (%,d projects, %,d workers, %,d sign-ins), seed %d, %d cores ===%n",
                county.scale(), county.rows("project"), county.rows("worker"), county.rows("punch"), county.seed(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(format, "figure", "app", "baseline (same run)", "ratio", "target");
        for (Row row : table) {
            System.out.printf(format, row.figure(), row.value(), row.baseline(), row.ratio(), row.target());
        }
        System.out.println("(ratio = app / baseline; sign-ins and pages asked of the application in its own JVM, from this"
                + " one, on the same cores)");
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static String ratio(double value, double baseline) {
        return baseline <= 0 ? "-" : String.format("%.2f", value / baseline);
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.1f", value);
    }
}
