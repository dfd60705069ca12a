package org.workrelief.common.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the application's own connection could rewrite history: a superuser, or the
 * owner of the schema's tables (a deployment still running with one role, see docs/deployment.md).
 * It still starts, so an upgrade does not stop a town's work, but the log says what to change.
 */
@Component
class DatabaseRoleCheck {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoleCheck.class);

    private final JdbcTemplate jdbc;

    DatabaseRoleCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenTheRuntimeConnectionMayChangeTheSchema() {
        var role = jdbc.queryForMap("""
                select current_user as name, r.rolsuper as superuser,
                       (select count(*) from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as owned
                from pg_roles r where r.rolname = current_user
                """);
        boolean superuser = Boolean.TRUE.equals(role.get("superuser"));
        long owned = ((Number) role.get("owned")).longValue();
        if (superuser || owned > 0) {
            log.warn("The application connects to the database as '{}', which {}: it could switch the audit log's "
                    + "guards off. Run it as a runtime role that owns nothing and let Flyway migrate as the owner "
                    + "(spring.flyway.user); see docs/deployment.md, 'Database roles'.", role.get("name"),
                    superuser ? "is a superuser" : "owns " + owned + " tables");
        }
    }
}
