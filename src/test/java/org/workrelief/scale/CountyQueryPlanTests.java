package org.workrelief.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.support.QueryPlans;
import org.workrelief.support.StatementCounter;
import org.workrelief.support.TestDatabase;

/**
 * Database discipline on a generated county (issue 8): every statement the key list and dashboard
 * pages send is EXPLAINed, with its own parameter values, over a small county (about 300,000
 * sign-ins), and none may read the sign-ins or the payout lines by a sequential scan. The county
 * is a database of its own, so the other tests' data never tilts the plans.
 * {@code -Dplans.show=true} prints every statement with EXPLAIN ANALYZE.
 */
@SpringBootTest(properties = { "workrelief.jobs.enabled=false", "spring.datasource.hikari.maximum-pool-size=3" })
@AutoConfigureMockMvc
@Import(StatementCounter.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountyQueryPlanTests {

    private static final Set<String> LARGE_TABLES = Set.of("punch", "payout_line");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwnDatabase(registry, "county_plans");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    DataProtector protector;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    CountyGenerator.Summary county;

    /** The generator loads history as the schema's owner (it sets sequences). */
    @Autowired
    org.flywaydb.core.Flyway flyway;
    JdbcTemplate jdbc;

    @BeforeAll
    void generate() {
        // -Dcounty.scale=1 (with -Dplans.show=true) looks at a whole county's plans
        county = CountyGenerator.generate(flyway.getConfiguration().getDataSource(), protector, 20261129L,
                Double.parseDouble(System.getProperty("county.scale", "0.05")),
                LocalDate.now(CountyGenerator.ZONE).minusDays(1));
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void theKeyPagesReadSignInsAndPayoutLinesThroughIndexes() throws Exception {
        long project = county.largestProjectId();
        long town = jdbc.queryForObject("select town_id from project where id = ?", Long.class, project);
        String townCode = jdbc.queryForObject("select lower(replace(code, '-', '')) from town where id = ?",
                String.class, town);
        long batch = jdbc.queryForObject("select min(id) from payout_batch where project_id = ?", Long.class, project);
        long team = jdbc.queryForObject("select min(team_id) from payout_line where batch_id = ?", Long.class, batch);
        long worker = jdbc.queryForObject("select min(worker_id) from enrollment where project_id = ?", Long.class,
                project);
        LocalDate reviewed = jdbc.queryForObject(
                "select max(review_date) from daily_review where project_id = ? and status = 'APPROVED'", LocalDate.class,
                project);
        List<Map.Entry<String, String>> pages = new ArrayList<>();
        pages.add(page("/", "xc-admin"));
        pages.add(page("/dashboard", "xc-admin"));
        pages.add(page("/projects", "xc-admin"));
        pages.add(page("/audit", "xc-admin"));
        pages.add(page("/workers", "xc-admin"));
        pages.add(page("/", townCode + "-staff"));
        pages.add(page("/dashboard", townCode + "-staff"));
        pages.add(page("/projects/" + project, townCode + "-staff"));
        pages.add(page("/projects/" + project + "/dashboard", townCode + "-staff"));
        pages.add(page("/projects/" + project + "/roster", townCode + "-staff"));
        pages.add(page("/projects/" + project + "/registry-panel", townCode + "-staff"));
        pages.add(page("/projects/" + project + "/attendance?date=" + reviewed, townCode + "-staff"));
        pages.add(page("/projects/" + project + "/attendance/workers/" + worker, townCode + "-staff"));
        pages.add(page("/projects/" + project + "/payouts", townCode + "-staff"));
        pages.add(page("/payouts/" + batch, townCode + "-staff"));
        pages.add(page("/payouts/" + batch + "/teams/" + team, townCode + "-staff"));
        pages.add(page("/projects/" + project + "/supervision", townCode + "-sup"));
        pages.add(page("/projects/" + project + "/reviews/" + reviewed, townCode + "-sup"));
        pages.add(page("/workers/" + worker, townCode + "-staff"));
        pages.add(page("/public/towns/" + town, null));

        boolean show = Boolean.getBoolean("plans.show");
        List<String> sequential = new ArrayList<>();
        int explained = 0;
        try (Connection connection = dataSource.getConnection()) {
            // as on a server with solid-state disks (docs/deployment.md): on the default 4, a table of this
            // small county's size is cheaper to read whole than by index, which a county's is not
            connection.createStatement().execute("set random_page_cost = 1.1");
            for (Map.Entry<String, String> page : pages) {
                UserDetails viewer = page.getValue() == null ? null : users.loadUserByUsername(page.getValue());
                List<StatementCounter.Executed> statements = StatementCounter.recordExecuted(() -> viewer == null
                        ? mvc.perform(get(page.getKey())).andExpect(status().isOk())
                        : mvc.perform(get(page.getKey()).with(user(viewer))).andExpect(status().isOk()));
                for (StatementCounter.Executed statement : statements) {
                    if (show && statement.sql().stripLeading().toLowerCase().startsWith("select")) {
                        System.out.println("--- " + page.getKey() + "\n" + statement.sql() + "\n"
                                + QueryPlans.plan(connection, statement, true));
                    }
                    if (!readsLargeTables(connection, statement)) {
                        continue;
                    }
                    explained++;
                    if (!QueryPlans.sequentialScans(connection, statement, LARGE_TABLES).isEmpty()) {
                        sequential.add(page.getKey() + " as " + page.getValue() + ":\n" + statement.sql() + "\n"
                                + QueryPlans.plan(connection, statement, false));
                    }
                }
            }
        }
        assertThat(explained).as("statements of the pages that read sign-ins or payout lines").isGreaterThan(10);
        assertThat(sequential).as("statements that scan a large table from end to end").isEmpty();
    }

    /**
     * The overview's figures of every project, planned on statistics taken when no line was unpaid
     * (as after a load, before the next ANALYZE, when the month's batches have just been made): the
     * late lines are still read batch by batch. Counted as a join, the planner started from the index
     * of all unpaid lines for each project: 200 × 50,000 rows, 12 s, in the county benchmark.
     */
    @Test
    void theOverviewsLateLinesAreReadBatchByBatchEvenOnOldStatistics() throws Exception {
        jdbc.update("update project_figures set computed_at = computed_at - interval '1 day'");
        UserDetails admin = users.loadUserByUsername("xc-admin");
        List<StatementCounter.Executed> statements = StatementCounter.recordExecuted(
                () -> mvc.perform(get("/dashboard").with(user(admin))).andExpect(status().isOk()));
        StatementCounter.Executed figures = statements.stream().filter(s -> s.sql().contains("as late")).findFirst()
                .orElseThrow(() -> new AssertionError("the overview computed no figures"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("set local random_page_cost = 1.1");
                statement.execute("create temp table unpaid on commit drop as "
                        + "select id, status from payout_line where status in ('PENDING', 'FAILED')");
                statement.execute("update payout_line set status = 'PAID' where id in (select id from unpaid)");
                statement.execute("analyze payout_line");
                statement.execute("update payout_line l set status = u.status from unpaid u where u.id = l.id");
                long unpaid = jdbc.queryForObject("select count(*) from payout_line where status in ('PENDING', 'FAILED')",
                        Long.class);
                assertThat(unpaid).as("the county has unpaid lines").isGreaterThan(100);
                // the wages released are summed from the released batches' lines: those are read too
                long released = jdbc.queryForObject("""
                        select count(*) from payout_line l join payout_batch b on b.id = l.batch_id
                        where b.status in ('RELEASED', 'SETTLED') and l.status in ('PENDING', 'PAID')
                        """, Long.class);
                assertThat(QueryPlans.rowsRead(connection, figures, "payout_line"))
                        .as("payout lines read for every project's figures (%d unpaid, %d released)", unpaid, released)
                        .isLessThanOrEqualTo(unpaid + released);
            }
            finally {
                connection.rollback();
            }
        }
    }

    private static Map.Entry<String, String> page(String path, String viewer) {
        return new java.util.AbstractMap.SimpleEntry<>(path, viewer);
    }

    /** A query (not a write) that names one of the large tables. */
    /** A query whose plan reads a large table, by its name or through a view over it. */
    private static boolean readsLargeTables(Connection connection, StatementCounter.Executed statement)
            throws SQLException {
        String text = statement.sql().toLowerCase().stripLeading();
        return (text.startsWith("select") || text.startsWith("with"))
                && QueryPlans.tablesRead(connection, statement).stream().anyMatch(LARGE_TABLES::contains);
    }
}
