package org.workrelief.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test application context at the shared {@link TestDatabase}, unless the test gave
 * a database itself ({@code spring.datasource.url}) or asks to run as the README's run command does,
 * on its own embedded database ({@code workrelief.test.own-embedded-database=true}).
 * Registered in {@code META-INF/spring.factories} of the test classpath.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A fixed key for the test database only (Base64 of 32 bytes). */
    public static final String TEST_DATA_KEY = "dGVzdC1vbmx5LWtleS1mb3Itd29ya3JlbGllZi10ZXM=";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.getProperty("workrelief.test.own-embedded-database", Boolean.class, false)) {
            return;
        }
        if (!environment.containsProperty("workrelief.data-key")) {
            environment.getPropertySources().addFirst(new MapPropertySource("workrelief-test-data-key",
                    Map.of("workrelief.data-key", TEST_DATA_KEY)));
        }
        if (!environment.containsProperty("workrelief.backup.folder")) {
            // the nightly backups of test applications go under target/, never into the worktree's data folder
            environment.getPropertySources().addLast(new MapPropertySource("workrelief-test-backups",
                    Map.of("workrelief.backup.folder", "target/test-backups")));
        }
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        TestDatabase database = TestDatabase.get();
        environment.getPropertySources().addFirst(new MapPropertySource("workrelief-test-database",
                database.applicationProperties(database.jdbcUrl())));
    }
}
