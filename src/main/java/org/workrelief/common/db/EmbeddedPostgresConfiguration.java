package org.workrelief.common.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Starts a real PostgreSQL 17 for the run command when no server is configured, so that the same
 * engine serves development, tests and production. Its files live under {@code <data-dir>/postgres}
 * and survive restarts (also a {@code kill -9}: the next start takes the directory over, and shuts down
 * first a server that a crashed JVM left running on it, see {@link LeftoverPostmaster}). Unlike the
 * library's test defaults, fsync and synchronous commit are on: this is real data.
 * <p>
 * Two roles, as on a configured server ({@link DatabaseRoles}): Flyway migrates as {@code postgres},
 * the embedded server's own superuser and the owner of the schema; the application runs as the runtime
 * role, created here on every start (idempotent) with a password generated once into
 * {@code <data-dir>/db-runtime-password}. The server listens on localhost only.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OwnEmbeddedDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${workrelief.data-dir}") Path dataDir) throws IOException {
        Path directory = dataDir.resolve("postgres").toAbsolutePath();
        Files.createDirectories(directory);
        LeftoverPostmaster.stop(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // the demo history is loaded in one transaction (all or nothing), and each of its
                // ~20,000 sign-ins holds an advisory lock on the worker's day until it commits
                .setServerConfig("max_locks_per_transaction", "512")
                .start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), directory);
        return postgres;
    }

    /** The application's pool: the runtime role, which owns nothing (see {@link DatabaseRoles}). */
    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${workrelief.data-dir}") Path dataDir,
            @Value("${workrelief.db.runtime-role}") String runtimeRole) throws IOException, SQLException {
        String password = DatabaseRoles.embeddedRuntimePassword(dataDir.resolve("db-runtime-password"));
        try (Connection owner = postgres.getPostgresDatabase().getConnection()) {
            DatabaseRoles.ensureRuntimeRole(owner, runtimeRole, password);
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        dataSource.setUsername(runtimeRole);
        dataSource.setPassword(password);
        dataSource.setPoolName("workrelief-embedded");
        dataSource.setMaximumPoolSize(20);
        // as spring.datasource.hikari.data-source-properties sets it for a configured server
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }

    /**
     * Flyway's own connections, as the schema's owner (the embedded server's superuser). Not a default
     * candidate: nothing but Flyway (and a restore) asks for it.
     */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource ownerDataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }
}
