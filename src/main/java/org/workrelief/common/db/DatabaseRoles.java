package org.workrelief.common.db;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

import org.workrelief.common.crypto.SecretFiles;

/**
 * The two database roles the application uses. Flyway migrates as the OWNER of the schema; the
 * running application connects as the RUNTIME role, which owns nothing and may only read and write
 * rows: no DDL, no TRUNCATE, no superuser settings such as {@code session_replication_role}, and on
 * the audit log only SELECT and INSERT. So a flaw in the application (or a stolen runtime password)
 * cannot switch the audit log's triggers off or rewrite it. The privileges themselves are granted by
 * Flyway's {@code afterMigrate.sql} callback after every migration, so a new table is covered the
 * moment it exists.
 */
public final class DatabaseRoles {

    /** The runtime role's name unless {@code workrelief.db.runtime-role} says otherwise. */
    public static final String DEFAULT_RUNTIME_ROLE = "workrelief_app";

    private DatabaseRoles() {
    }

    /**
     * Creates the runtime role (or resets its password and attributes) through a connection that may
     * create roles: a login role that is no superuser, creates no roles or databases, inherits nothing
     * and may not bypass row security. Idempotent.
     */
    public static void ensureRuntimeRole(Connection privileged, String role, String password) throws SQLException {
        if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain role name: " + role);
        }
        try (Statement statement = privileged.createStatement()) {
            boolean exists;
            try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
                exists = rs.next();
            }
            String attributes = " login nosuperuser nocreatedb nocreaterole noinherit noreplication nobypassrls password '"
                    + password.replace("'", "''") + "'";
            statement.execute((exists ? "alter role " : "create role ") + role + " with" + attributes);
        }
    }

    /**
     * The runtime role's password for the embedded database: generated once into the data folder
     * (readable by its owner only), like the data key beside it.
     */
    static String embeddedRuntimePassword(Path file) throws IOException {
        return SecretFiles.readOrCreate(file, 24, Base64.getUrlEncoder().withoutPadding(),
                "the runtime database role's password");
    }
}
