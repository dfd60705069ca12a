package org.workrelief.scale;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.workrelief.common.crypto.DataProtector;

/**
 * The command that fills a database with a generated county (see {@link CountyGenerator}). Its name
 * does not end in {@code Tests}, so {@code ./mvnw verify} never runs it; run it on purpose:
 *
 * <pre>
 * ./mvnw -q test -Dtest=GenerateCounty -Dsurefire.failIfNoSpecifiedTests=false -Dcounty.seed=42 -Dcounty.scale=1.0
 * </pre>
 *
 * <p>Options (system properties): {@code county.seed} (default 42), {@code county.scale} (default 1.0:
 * 20 towns, 200 projects, 50,000 workers, 92 days, about six million sign-ins; 0.05 is a small
 * county), {@code county.last-day} (ISO date of the last generated day, default yesterday in
 * Asia/Shanghai), {@code county.audit-punches} (default false: true also writes the audit row the
 * application writes for every sign-in, six million more rows). It prints the rows per table and the
 * seconds taken.
 *
 * <p><b>Which database.</b> The application context starts as in every test, and Flyway migrates the
 * database before the generator runs:
 * <ul>
 * <li>By default that is the tests' own throw-away PostgreSQL ({@code TestDatabase}: Testcontainers
 * {@code postgres:17} where Docker answers, else an embedded PostgreSQL in a temporary directory);
 * it disappears when the JVM ends, so this only measures.</li>
 * <li>Your own PostgreSQL: set {@code SPRING_DATASOURCE_URL} (e.g.
 * {@code jdbc:postgresql://localhost:5432/workrelief}), {@code SPRING_DATASOURCE_USERNAME},
 * {@code SPRING_DATASOURCE_PASSWORD} <em>and</em> {@code WORKRELIEF_DATA_KEY} — the same Base64 key
 * the application will run with. Without it the tests' fixed key
 * ({@code TestDatabaseInitializer.TEST_DATA_KEY}) encrypts the ID and bank card numbers, and an
 * application started with another key cannot read them. The database should be empty (or at least
 * hold no generated county: a second run is refused).</li>
 * <li>The run command's own embedded PostgreSQL under the data directory ({@code ./data/postgres},
 * or {@code WORKRELIEF_DATA_DIR}): add {@code -Dworkrelief.test.own-embedded-database=true}; the key is
 * then {@code <data-dir>/data-key}, as for {@code ./mvnw spring-boot:run}, and the demo data loads
 * first, as on every start of that mode.</li>
 * </ul>
 * Generated accounts ({@code xc-admin}, {@code xc-finance}, {@code xcNN-staff}, {@code xcNN-sup})
 * all have the password {@value CountyGenerator#PASSWORD}. On a database without any account the
 * application's own start-up also creates {@code admin} first (password from
 * {@code WORKRELIEF_ADMIN_PASSWORD}, else generated and printed once), as on every start.
 *
 * <p>Measured on 2 cores shared with other builds (2026-11-29, 4 runs), scale 1.0: 100–113 s of
 * generation (79–95 s of it the 6.2 million sign-ins' {@code COPY}, bound by the server's index and
 * foreign-key work), 2 min 7 s – 2 min 20 s for the whole command; 146 s and 3 min 47 s while other
 * builds kept the load average at 10–12.
 */
@SpringBootTest(properties = "workrelief.jobs.enabled=false")
class GenerateCounty {

    @Autowired
    DataSource dataSource;

    @Autowired
    DataProtector protector;

    /** The generator loads history in bulk as the schema's owner (it sets sequences), as a restore would. */
    @Autowired
    org.flywaydb.core.Flyway flyway;

    @Test
    void generate() {
        long seed = Long.getLong("county.seed", 42L);
        double scale = Double.parseDouble(System.getProperty("county.scale", "1.0"));
        String lastDay = System.getProperty("county.last-day", "");
        boolean auditPunches = Boolean.getBoolean("county.audit-punches");
        CountyGenerator.Summary summary = CountyGenerator.generate(flyway.getConfiguration().getDataSource(), protector, seed, scale,
                lastDay.isBlank() ? LocalDate.now(CountyGenerator.ZONE).minusDays(1) : LocalDate.parse(lastDay),
                auditPunches);
        System.out.println();
        System.out.println(summary.describe());
    }
}
