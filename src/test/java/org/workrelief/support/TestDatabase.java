package org.workrelief.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL all tests of a JVM share: a Testcontainers {@code postgres:17} where a Docker
 * engine answers, else the embedded PostgreSQL 17 (zonky). Either way it is the real engine with
 * the real Flyway migrations, and the same tests run; nothing is skipped for want of Docker.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    private static volatile TestDatabase instance;

    /** The runtime role the tests' applications connect as, as the application does in production. */
    public static final String RUNTIME_ROLE = org.workrelief.common.db.DatabaseRoles.DEFAULT_RUNTIME_ROLE;
    private static final String RUNTIME_PASSWORD = "workrelief-app-test";

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String kind;

    private TestDatabase(String jdbcUrl, String username, String password, String kind) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.kind = kind;
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = start();
                    instance.createRuntimeRole();
                    log.info("Tests use {} PostgreSQL at {}", instance.kind, instance.jdbcUrl);
                }
            }
        }
        return instance;
    }

    private static TestDatabase start() {
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                }
                catch (IOException ignored) {
                    // the JVM is going away; the temporary directory goes with it
                }
            }));
            // no user in the URL: the driver would prefer it to the user a connection asks for
            return new TestDatabase("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "postgres",
                    "embedded");
        }
        catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static boolean dockerAnswers() {
        if ("false".equalsIgnoreCase(System.getenv("WORKRELIEF_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    private void createRuntimeRole() {
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl, username, password)) {
            org.workrelief.common.db.DatabaseRoles.ensureRuntimeRole(connection, RUNTIME_ROLE, RUNTIME_PASSWORD);
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create the runtime role", e);
        }
    }

    /**
     * The connection properties of an application on that database: it runs as the runtime role, and
     * Flyway migrates as this server's owner, as in production.
     */
    public java.util.Map<String, Object> applicationProperties(String url) {
        return java.util.Map.of("spring.datasource.url", url,
                "spring.datasource.username", RUNTIME_ROLE, "spring.datasource.password", RUNTIME_PASSWORD,
                "spring.flyway.user", username, "spring.flyway.password", password);
    }

    /** {@link #applicationProperties} as command-line arguments of an application started in a test. */
    public java.util.List<String> applicationArguments(String url) {
        return applicationProperties(url).entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    public String runtimeUsername() {
        return RUNTIME_ROLE;
    }

    public String runtimePassword() {
        return RUNTIME_PASSWORD;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The JDBC URL of another database on the same server (see {@link #createDatabase(String)}). */
    public String jdbcUrl(String database) {
        return jdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /**
     * For a test class's {@code @DynamicPropertySource}: its application uses a new, empty database of
     * that name on the tests' server (so the shared database's data never mixes with its own).
     */
    public static void useOwnDatabase(org.springframework.test.context.DynamicPropertyRegistry registry, String name) {
        TestDatabase server = get();
        String url = server.createDatabase(name);
        server.applicationProperties(url).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** Creates an empty database on the same server, for tests that need a database of their own. */
    public String createDatabase(String name) {
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl, username, password);
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
            return jdbcUrl(name);
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }
}
