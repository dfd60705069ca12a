package org.workrelief.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.workrelief.WorkReliefApplication;
import org.workrelief.support.TestDatabase;

/**
 * On a configured (external) database the application never loads demo data: the only account is
 * the first administrator, whose password is the configured one or a generated one printed once.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTests {

    @Test
    void takesThePasswordFromTheEnvironmentAndCreatesNoDemoAccounts() {
        try (ConfigurableApplicationContext app = startOn("first_admin_configured",
                "--WORKRELIEF_ADMIN_PASSWORD=configured-secret-2025")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String hash = jdbc.queryForObject("select password_hash from app_user where username = 'admin'",
                    String.class);
            assertThat(app.getBean(PasswordEncoder.class).matches("configured-secret-2025", hash)).isTrue();
            assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from town", Long.class)).isZero();
        }
    }

    @Test
    void generatesAPasswordAndPrintsItOnceWhenNoneIsConfigured(CapturedOutput output) {
        try (ConfigurableApplicationContext app = startOn("first_admin_generated")) {
            String printed = output.getOut().replaceAll("(?s).*First administrator created: user 'admin', password '([^']+)'.*", "$1");
            assertThat(printed).hasSizeGreaterThanOrEqualTo(10).doesNotContain("\n");
            String hash = app.getBean(JdbcTemplate.class)
                    .queryForObject("select password_hash from app_user where username = 'admin'", String.class);
            assertThat(app.getBean(PasswordEncoder.class).matches(printed, hash)).isTrue();
            assertThat(app.getBean(PasswordEncoder.class).matches("workrelief-demo", hash)).isFalse();
        }
        // a second start on the same database leaves the administrator alone and prints nothing new
        int before = output.getOut().split("First administrator created", -1).length;
        try (ConfigurableApplicationContext again = startOn(null)) {
            assertThat(output.getOut().split("First administrator created", -1).length).isEqualTo(before);
        }
    }

    private String lastDatabase;

    private ConfigurableApplicationContext startOn(String newDatabase, String... extra) {
        TestDatabase database = TestDatabase.get();
        if (newDatabase != null) {
            lastDatabase = database.createDatabase(newDatabase);
        }
        var connection = database.applicationArguments(lastDatabase);
        String[] args = java.util.stream.Stream.concat(connection.stream(), java.util.stream.Stream.of("--server.port=0"))
                .toArray(String[]::new);
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return new SpringApplicationBuilder(WorkReliefApplication.class).run(all);
    }
}
