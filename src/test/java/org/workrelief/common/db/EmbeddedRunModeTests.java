package org.workrelief.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.workrelief.WorkReliefApplication;

/**
 * The README's run command: with no database configured the application starts its own
 * PostgreSQL under the data directory, loads the demo accounts once, and keeps what was written
 * across a restart.
 */
class EmbeddedRunModeTests {

    @TempDir
    Path dataDir;

    @Test
    void startsItsOwnPostgresWithDemoAccountsAndKeepsDataAcrossARestart() throws java.io.IOException {
        long users;
        try (ConfigurableApplicationContext app = start()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select version()", String.class)).contains("PostgreSQL 17");
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            // the runtime role, not the server's superuser who migrated the schema
            assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("workrelief_app");
            assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
                    .isFalse();
            assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'audit_log'", String.class))
                    .isEqualTo("postgres");
            String hash = jdbc.queryForObject("select password_hash from app_user where username = 'js-admin'",
                    String.class);
            assertThat(app.getBean(PasswordEncoder.class).matches("workrelief-demo", hash)).isTrue();
            assertThat(jdbc.queryForList("select role from app_user", String.class))
                    .contains("ADMIN", "STAFF", "SUPERVISOR", "FINANCE");
            // the reference project's history: built, paid, handed over, two years of dividends, jobs
            String reference = "(select id from project where code like 'LX-JS-%-01')";
            assertThat(jdbc.queryForObject("select count(*) from enrollment where project_id = " + reference, Long.class))
                    .isEqualTo(210);
            assertThat(jdbc.queryForObject("select status from project where id = " + reference, String.class))
                    .isEqualTo("OPERATING");
            assertThat(jdbc.queryForList("select status from payout_batch where project_id = " + reference, String.class))
                    .hasSize(3).containsOnly("SETTLED");
            assertThat(jdbc.queryForObject("select count(distinct a.worker_id) from training_attendee a "
                    + "join training_session s on s.id = a.session_id where s.project_id = " + reference, Long.class))
                    .isEqualTo(134);
            assertThat(jdbc.queryForList("select amount from dividend where project_id = " + reference + " order by year",
                    BigDecimal.class)).containsExactly(new BigDecimal("200000.00"), new BigDecimal("236800.00"));
            assertThat(jdbc.queryForObject("select count(*) from asset_transfer where project_id = " + reference, Long.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from operation_job where kind = 'LONG_TERM' and project_id = "
                    + reference, Long.class)).isGreaterThanOrEqualTo(60);
            // and the project being built now, with days left for the committee
            assertThat(jdbc.queryForObject("select status from project where code like 'LX-JS-%-02'", String.class))
                    .isEqualTo("UNDER_CONSTRUCTION");
            assertThat(jdbc.queryForObject("select count(*) from punch p join project j on j.id = p.project_id "
                    + "where j.code like 'LX-JS-%-02'", Long.class)).isPositive();
            // the town's complaint board, a complaint overdue on the administrators' homes and an answered one
            assertThat(jdbc.queryForList("select status from complaint order by id", String.class))
                    .containsExactly("IN_PROGRESS", "RESOLVED");
            assertThat(jdbc.queryForObject("select count(*) from complaint where status = 'IN_PROGRESS' "
                    + "and deadline < (now() at time zone 'Asia/Shanghai')::date", Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from complaint_board", Long.class)).isEqualTo(1);
            jdbc.update("insert into town (code, name, created_at, updated_at) values ('KEEP', '保留镇', now(), now())");
            users = jdbc.queryForObject("select count(*) from app_user", Long.class);
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        assertThat(dataDir.resolve("data-key")).exists();
        assertThat(dataDir.resolve("db-runtime-password")).exists();
        for (String secret : new String[] { "data-key", "db-runtime-password" }) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(secret))))
                    .as(secret + " readable by its owner only").isEqualTo("rw-------");
        }

        try (ConfigurableApplicationContext again = start()) {
            JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select name from town where code = 'KEEP'", String.class)).isEqualTo("保留镇");
            assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(users);
            assertThat(jdbc.queryForObject("select count(*) from complaint", Long.class)).as("loaded once").isEqualTo(2);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WorkReliefApplication.class).run(
                "--workrelief.test.own-embedded-database=true", "--workrelief.data-dir=" + dataDir,
                "--server.port=0");
    }
}
