package org.workrelief.backup;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workrelief.common.crypto.DataProtector;

import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code --workrelief.restore=<file>}, the start's migration is the restore ({@link Restore}): it runs
 * on Flyway's (the owner's) connection where the start would migrate, before Hibernate checks the schema.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(Restore.PROPERTY)
class RestoreConfiguration {

    @Bean
    FlywayMigrationStrategy restoreFromBackup(@Value("${" + Restore.PROPERTY + "}") Path archive, DataProtector protector,
            JsonMapper json) {
        return flyway -> new Restore(flyway, protector, json).restore(archive);
    }
}
