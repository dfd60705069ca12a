package org.workrelief.common.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 for the run command when no server is configured, so that the same
 * engine serves development, tests and production. Its files live under {@code <data-dir>/postgres}
 * and survive restarts (also a {@code kill -9}: the next start takes the directory over, and shuts down
 * first a server that a crashed JVM left running on it, see {@link LeftoverPostmaster}). Unlike the
 * library's test defaults, fsync and synchronous commit are on: this is real data.
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

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("workrelief-embedded");
        dataSource.setMaximumPoolSize(20);
        // as spring.datasource.hikari.data-source-properties sets it for a configured server
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }
}
