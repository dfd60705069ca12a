package org.workrelief.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.WorkReliefApplication;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.Town;
import org.workrelief.account.UserAccount;
import org.workrelief.account.UserChanges;
import org.workrelief.attendance.DeviceTokenService;
import org.workrelief.common.jobs.ClusterJobs;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.Fixtures;
import org.workrelief.support.HttpBrowser;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;
import org.workrelief.support.TestDatabase;
import org.workrelief.team.TeamService;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.WorkerService;

/**
 * Two instances of the application, each with its own web server on its own port, on one
 * PostgreSQL database, as behind a load balancer without sticky sessions (issue 8). Talked to over
 * real HTTP with one cookie jar, as a browser talks to the balancer. The database is a new one on
 * the tests' PostgreSQL server, so that nothing the other tests' application contexts do (their
 * own scheduled clean-up, their sessions) mixes with what is counted here.
 */
class TwoInstancesTests {

    /** The clean-up fires every second here (every ten minutes by default), so that the test sees it run. */
    static final Duration CLEANUP_EVERY = Duration.ofSeconds(1);

    static Instance a;
    static Instance b;
    static JdbcTemplate database;

    record Instance(ConfigurableApplicationContext context, String name) {

        URI uri(String path) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            return URI.create("http://localhost:" + port + path);
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        MutableClock clock() {
            return context.getBean(MutableClock.class);
        }
    }

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        TestDatabase server = TestDatabase.get();
        String url = server.createDatabase("two_instances");
        // one after the other: Flyway migrates the new database with the first
        a = start("instance-A", url, server);
        b = start("instance-B", url, server);
        database = a.bean(JdbcTemplate.class);
    }

    @AfterAll
    static void stopBoth() {
        for (Instance instance : new Instance[] { a, b }) {
            if (instance != null) {
                instance.context().close();
            }
        }
    }

    private static Instance start(String name, String url, TestDatabase server) {
        var arguments = new java.util.ArrayList<>(server.applicationArguments(url));
        arguments.addAll(java.util.List.of("--server.port=0", "--spring.datasource.hikari.maximum-pool-size=5",
                "--workrelief.instance-id=" + name, "--workrelief.jobs.session-cleanup.every=" + CLEANUP_EVERY));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkReliefApplication.class,
                TestClockConfiguration.class).run(arguments.toArray(String[]::new));
        return new Instance(context, name);
    }

    // --- sessions -------------------------------------------------------------------------------

    @Test
    void aUserSignedInOnOneInstanceIsSignedInOnTheOtherAndSigningOutThereSignsOutEverywhere() throws Exception {
        Fixtures fixtures = new Fixtures(a.bean(AccountService.class));
        Town town = fixtures.town();
        UserAccount clerk = fixtures.user(Role.STAFF, town);
        Browser browser = new Browser();

        HttpResponse<String> signedIn = browser.signIn(a, clerk.getUsername());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(browser.location(signedIn)).isEqualTo("/");
        // Spring Session writes the cookie; server.servlet.session.cookie.* still decides its attributes
        assertThat(signedIn.headers().allValues("Set-Cookie")).filteredOn(h -> h.startsWith("SESSION="))
                .singleElement().asString().contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(database.queryForObject("select count(*) from spring_session where principal_name = ?",
                Long.class, clerk.getUsername())).isEqualTo(1);

        HttpResponse<String> homeOnB = browser.get(b, "/");
        assertThat(homeOnB.statusCode()).isEqualTo(200);
        assertThat(homeOnB.body()).contains("id=\"home-town\"").contains(town.getName());

        String sessionCookie = browser.cookie("SESSION");
        HttpResponse<String> signedOut = browser.post(b, "/logout", Map.of("_csrf", csrfOf(homeOnB)));
        assertThat(browser.location(signedOut)).isEqualTo("/login?logout");

        // the old cookie, sent on purpose (the browser dropped it when signing out): A no longer knows it
        HttpResponse<String> homeOnA = HttpClient.newHttpClient().send(HttpRequest.newBuilder(a.uri("/"))
                .header("Cookie", "SESSION=" + sessionCookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(homeOnA.statusCode()).isEqualTo(302);
        assertThat(browser.location(homeOnA)).isEqualTo("/login");
        assertThat(database.queryForObject("select count(*) from spring_session where principal_name = ?",
                Long.class, clerk.getUsername())).isZero();
    }

    @Test
    void changingAUsersRoleOnOneInstanceEndsTheSessionTheyUseOnTheOther() throws Exception {
        Fixtures fixtures = new Fixtures(a.bean(AccountService.class));
        Town town = fixtures.town();
        UserAccount admin = fixtures.user(Role.ADMIN, town);
        UserAccount clerk = fixtures.user(Role.STAFF, town);
        Browser browser = new Browser();
        browser.signIn(b, clerk.getUsername());
        assertThat(browser.get(b, "/").statusCode()).isEqualTo(200);

        AccountService accountsOnA = a.bean(AccountService.class);
        var adminPrincipal = Principals.of(admin);
        accountsOnA.updateUser(adminPrincipal, clerk.getId(), new UserChanges(clerk.getDisplayName(), Role.FINANCE,
                town.getId(), true, accountsOnA.getUser(adminPrincipal, clerk.getId()).getVersion()));

        HttpResponse<String> next = browser.get(b, "/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(browser.location(next)).isEqualTo("/login?expired");
    }

    @Test
    void aTerminalsSignInsWriteNoSessionRow() throws Exception {
        a.clock().set(ZonedDateTime.of(2025, 6, 3, 20, 0, 0, 0, MutableClock.ZONE).toInstant());
        RegistryFixtures registry = new RegistryFixtures(a.bean(ProjectService.class), a.bean(TeamService.class),
                a.bean(WorkerService.class), a.bean(EnrollmentService.class), a.bean(AccountService.class));
        ActiveProject site = ActiveProject.create(a.bean(AccountService.class), a.bean(ProjectService.class), registry,
                LocalDate.of(2025, 6, 3));
        String token = a.bean(DeviceTokenService.class).issue(site.admin(), site.project().getId(), "gate-1")
                .plainToken();
        long sessions = database.queryForObject("select count(*) from spring_session", Long.class);

        HttpResponse<String> punch = HttpClient.newHttpClient().send(HttpRequest.newBuilder(a.uri("/api/v1/punches"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"workerCode\": \"" + site.worker().getWorkerCode()
                        + "\", \"punchedAt\": \"2025-06-03T07:58:00+08:00\", \"deviceId\": \"gate-1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(punch.statusCode()).isEqualTo(201);
        assertThat(punch.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(database.queryForObject("select count(*) from spring_session", Long.class)).isEqualTo(sessions);
    }

    @Test
    void theBalancersHealthChecksAndTheVillagersPublicPagesWriteNoSessionRow() throws Exception {
        long sessions = database.queryForObject("select count(*) from spring_session", Long.class);
        for (String path : List.of("/actuator/health", "/public")) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(b.uri(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().allValues("Set-Cookie")).as(path).noneMatch(h -> h.startsWith("SESSION="));
        }
        assertThat(database.queryForObject("select count(*) from spring_session", Long.class)).isEqualTo(sessions);
    }

    // --- scheduled jobs -------------------------------------------------------------------------

    @Test
    void aJobFiredOnBothInstancesAtOnceRunsOnceAndTheOtherSkips() throws Exception {
        String job = Fixtures.unique("test-job");
        Duration period = Duration.ofHours(1);
        setBothClocks(Instant.parse("2031-03-01T10:15:00Z"));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch oneReturned = new CountDownLatch(1);
        CyclicBarrier together = new CyclicBarrier(2);
        // the instance that gets the job keeps it until the other one has tried and come back
        Runnable work = () -> {
            runs.incrementAndGet();
            await(oneReturned);
        };

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> onA = threads.submit(fire(a, job, period, work, together, oneReturned));
            Future<Boolean> onB = threads.submit(fire(b, job, period, work, together, oneReturned));
            boolean ranOnA = onA.get(30, TimeUnit.SECONDS);
            boolean ranOnB = onB.get(30, TimeUnit.SECONDS);

            assertThat(List.of(ranOnA, ranOnB)).containsExactlyInAnyOrder(true, false);
            assertThat(runs).hasValue(1);
            String winner = ranOnA ? "instance-A" : "instance-B";
            assertThat(runsOf(job)).containsExactly(winner + " " + Instant.parse("2031-03-01T10:00:00Z"));
        }
        finally {
            threads.shutdownNow();
        }

        // fired again in the same hour (the other instance's timer started later): done already, skipped
        assertThat(a.bean(ClusterJobs.class).runOncePer(job, period, runs::incrementAndGet)).isFalse();
        assertThat(b.bean(ClusterJobs.class).runOncePer(job, period, runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(1);

        // the next hour runs again, on whichever instance fires first
        setBothClocks(Instant.parse("2031-03-01T11:05:00Z"));
        assertThat(b.bean(ClusterJobs.class).runOncePer(job, period, runs::incrementAndGet)).isTrue();
        assertThat(a.bean(ClusterJobs.class).runOncePer(job, period, runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(2);
        assertThat(runsOf(job)).hasSize(2).endsWith("instance-B " + Instant.parse("2031-03-01T11:00:00Z"));
    }

    @Test
    void theScheduledSessionCleanupDeletesExpiredSessionsOncePerPeriodAcrossBothInstances() {
        // both instances fire the clean-up every second; with both clocks standing still, a period is done once
        Instant first = Instant.parse("2032-05-01T08:00:00Z");
        setBothClocks(first);
        waitUntil(() -> cleanupRunsIn(first) == 1);

        long now = System.currentTimeMillis();
        String expired = insertSession(now - Duration.ofHours(1).toMillis());
        String live = insertSession(now + Duration.ofHours(1).toMillis());
        Instant next = first.plus(CLEANUP_EVERY);
        setBothClocks(next);
        waitUntil(() -> cleanupRunsIn(next) == 1);

        assertThat(sessionExists(expired)).isFalse();
        assertThat(sessionExists(live)).isTrue();
        assertThat(database.queryForList("select instance_id from job_run where job_name = ? and slot_start in (?, ?)",
                String.class, "expired-session-cleanup", Timestamp.from(first), Timestamp.from(next)))
                .hasSize(2).allMatch(id -> id.equals("instance-A") || id.equals("instance-B"));
    }

    // --- helpers --------------------------------------------------------------------------------

    private static Callable<Boolean> fire(Instance instance, String job, Duration period, Runnable work,
            CyclicBarrier together, CountDownLatch oneReturned) {
        return () -> {
            together.await(10, TimeUnit.SECONDS);
            try {
                return instance.bean(ClusterJobs.class).runOncePer(job, period, work);
            }
            finally {
                oneReturned.countDown();
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            // without the lock both instances would wait here, time out, and count two runs
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void setBothClocks(Instant now) {
        a.clock().set(now);
        b.clock().set(now);
    }

    private static List<String> runsOf(String job) {
        return database.query("select instance_id, slot_start from job_run where job_name = ? and outcome = 'DONE' order by id",
                (row, n) -> row.getString(1) + " " + row.getTimestamp(2).toInstant(), job);
    }

    private static long cleanupRunsIn(Instant slot) {
        return database.queryForObject("""
                select count(*) from job_run where job_name = 'expired-session-cleanup' and slot_start = ? and outcome = 'DONE'
                """, Long.class, Timestamp.from(slot));
    }

    private static String insertSession(long expiryMillis) {
        String id = UUID.randomUUID().toString();
        database.update("""
                insert into spring_session (primary_id, session_id, creation_time, last_access_time,
                    max_inactive_interval, expiry_time, principal_name)
                values (?, ?, ?, ?, 3600, ?, null)
                """, id, UUID.randomUUID().toString(), expiryMillis - 3_600_000, expiryMillis - 3_600_000, expiryMillis);
        return id;
    }

    private static boolean sessionExists(String primaryId) {
        return database.queryForObject("select count(*) from spring_session where primary_id = ?", Long.class,
                primaryId) == 1;
    }

    /** Waits for what the instances' own timers do, polling; fails after 30 seconds. */
    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for the scheduled job").isLessThan(deadline);
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String csrfOf(HttpResponse<String> page) {
        return HttpBrowser.csrfOf(page);
    }

    /** One cookie jar for both instances, as a browser has for the one address of the load balancer. */
    static final class Browser {

        private final HttpBrowser browser = new HttpBrowser();

        String cookie(String name) {
            return browser.cookie(name);
        }

        HttpResponse<String> signIn(Instance instance, String username) throws Exception {
            return browser.signIn(instance.uri("/"), username, Fixtures.PASSWORD);
        }

        HttpResponse<String> get(Instance instance, String path) throws Exception {
            return browser.get(instance.uri(path));
        }

        HttpResponse<String> post(Instance instance, String path, Map<String, String> form) throws Exception {
            return browser.post(instance.uri(path), form);
        }

        String location(HttpResponse<String> response) {
            return HttpBrowser.location(response);
        }
    }
}
