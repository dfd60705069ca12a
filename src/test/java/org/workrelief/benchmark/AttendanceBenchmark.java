package org.workrelief.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.attendance.DeviceTokenService;
import org.workrelief.attendance.PunchRequest;
import org.workrelief.attendance.PunchService;
import org.workrelief.attendance.PunchSource;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.project.ProjectStatus;
import org.workrelief.support.Fixtures;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestNumbers;
import org.workrelief.worker.RosterImportService;

/**
 * Device API throughput: a project with 1,000 enrolled workers, 32 concurrent terminals posting
 * sign-ins for 20 seconds, then the same inserts by plain JDBC against the same database for the
 * same time. Prints punches per second, p50 and p99 latency and the ratio (targets: at least
 * 1,000/s, p99 under 50 ms, at least half the plain-JDBC rate). A measurement, not part of
 * {@code ./mvnw verify}; docs/benchmarks.md gives the command (its history section).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ RegistryFixtures.class, AttendanceBenchmark.NoOpEndpoint.class })
class AttendanceBenchmark {

    private static final int WORKERS = 1000;
    private static final int CLIENTS = 32;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmup", 10));
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ProjectService projects;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    RosterImportService importer;

    @Autowired
    DeviceTokenService tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PunchService punchService;

    /** Behind the device API's security (the token is checked) and Spring MVC, but does nothing: the HTTP ceiling. */
    @RestController
    static class NoOpEndpoint {

        static final String PATH = "/api/v1/benchmark-no-op";

        @PostMapping(PATH)
        Map<String, String> nothing(@RequestBody Map<String, String> body) {
            return Map.of("workerCode", body.get("workerCode"));
        }
    }

    @Test
    void deviceApiAgainstPlainJdbc() throws Exception {
        Fixtures fixtures = new Fixtures(accounts);
        Town town = fixtures.town();
        SignedInUser admin = Principals.of(fixtures.user(Role.ADMIN, town));
        LocalDate today = LocalDate.now(ZONE);
        Project project = registry.project(admin, town);
        registry.team(admin, project, "开挖组");
        List<String> codes = enrollWorkers(admin, project, today);
        projects.advance(admin, project.getId(), ProjectStatus.RECRUITING);
        projects.advance(admin, project.getId(), ProjectStatus.UNDER_CONSTRUCTION);
        String token = tokens.issue(admin, project.getId(), "bench-gate").plainToken();
        List<Long> workerIds = jdbc.queryForList("select worker_id from enrollment where project_id = ? order by id",
                Long.class, project.getId());

        // warm-up (the JIT compiles the hot paths; terminals at a site run all day), 300 days back
        Load.run(CLIENTS, WARM_UP, apiClient(token, codes, today, "/api/v1/punches", 201), 600_000L);
        Load.Result api = Load.run(CLIENTS, RUN, apiClient(token, codes, today, "/api/v1/punches", 201), 0);
        // where the time goes: the same HTTP client and token check in front of an endpoint that does nothing,
        // and the sign-in service called directly (the same rules and writes, no HTTP) on other days
        Load.Result ceiling = Load.run(CLIENTS, RUN, apiClient(token, codes, today, NoOpEndpoint.PATH, 200), 0);
        Load.Result service = Load.run(CLIENTS, RUN, serviceClient(project.getId(), codes, today), 200_000L);
        Project baselineProject = registry.project(admin, town);
        // other days than the API run: a person signs in once per half-day, whatever the project
        Load.Result jdbcRun = Load.run(CLIENTS, RUN, jdbcClient(baselineProject.getId(), workerIds, today), 2_000_000L);

        System.out.println("\n=== Device API benchmark: " + WORKERS + " workers, " + CLIENTS + " clients, " + RUN.toSeconds()
                + " s each ===");
        System.out.printf("%-26s %10s %12s %10s %10s%n", "path", "punches", "punches/s", "p50 ms", "p99 ms");
        print("device API (HTTP)", api);
        print("HTTP + token, no-op", ceiling);
        print("sign-in service, no HTTP", service);
        print("plain JDBC insert", jdbcRun);
        System.out.printf("ratio API / JDBC: %.2f (target >= 0.50); API rate target >= 1000/s; API p99 target < 50 ms%n",
                api.rate() / jdbcRun.rate());
        System.out.printf("ratio no-op HTTP / JDBC: %.2f (what HTTP and the token check alone leave on this machine)%n%n",
                ceiling.rate() / jdbcRun.rate());
        assertThat(api.errors()).as("requests that did not answer 201").isZero();
    }

    private List<String> enrollWorkers(SignedInUser admin, Project project, LocalDate today) throws Exception {
        List<String> headers = List.of("姓名", "身份证号", "村", "班组", "登记日期", "合同签订日期", "保险公司", "保单号", "保险起期", "保险止期");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            rows.add(List.of("王小明", TestNumbers.idNumber(), "前埠村", "开挖组", today.minusDays(400).toString(),
                    today.minusDays(400).toString(), "中国人寿",
                    "B-" + i, today.minusDays(400).toString(), today.plusDays(30).toString()));
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        SheetWriter.csv(headers, rows, csv);
        var result = importer.importRoster(admin, project.getId(), "bench.csv", new ByteArrayInputStream(csv.toByteArray()));
        assertThat(result.errors()).isEmpty();
        return jdbc.queryForList("""
                select w.worker_code from enrollment e join worker w on w.id = e.worker_id where e.project_id = ? order by e.id
                """, String.class, project.getId());
    }

    private Load.Call serviceClient(long projectId, List<String> codes, LocalDate today) {
        return n -> punchService.punch(PunchRequest.byWorkerCode(projectId, codes.get((int) (n % codes.size())),
                moment(today, n).toInstant(), PunchSource.DEVICE, "bench", "device:bench", null, null));
    }

    private Load.Call apiClient(String token, List<String> codes, LocalDate today, String path, int expectedStatus) {
        HttpClient http = SignIns.terminal();
        URI uri = URI.create("http://localhost:" + port + path);
        return n -> SignIns.post(http, uri, token, codes.get((int) (n % codes.size())), moment(today, n), expectedStatus);
    }

    private Load.Call jdbcClient(long projectId, List<Long> workerIds, LocalDate today) {
        return n -> SignIns.insert(jdbc, projectId, workerIds.get((int) (n % workerIds.size())), moment(today, n), "bench");
    }

    /** The n-th sign-in: worker n mod 1000, AM or PM, on day n / 2000 before yesterday: never a repeat. */
    private static ZonedDateTime moment(LocalDate today, long n) {
        LocalDate day = today.minusDays(2 + n / (2L * WORKERS));
        int hour = (n / WORKERS) % 2 == 0 ? 8 : 15;
        return day.atTime(hour, 0).atZone(ZONE);
    }

    private static void print(String label, Load.Result result) {
        System.out.printf("%-26s %10d %12.0f %10.2f %10.2f%n", label, result.count(), result.rate(),
                result.percentileMillis(0.50), result.percentileMillis(0.99));
    }
}
