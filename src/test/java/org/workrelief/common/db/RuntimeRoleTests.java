package org.workrelief.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.TestDatabase;

/**
 * The application's connection is the runtime role (issue 19 §1): it reads and writes rows, and can
 * do nothing that would let it rewrite history unseen or change the schema. Each statement below must
 * be refused for want of privilege (SQLSTATE 42501), not by a trigger or for a missing table.
 */
@IntegrationTest
class RuntimeRoleTests {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApplicationRunsAsTheRuntimeRoleWhichOwnsNothingAndIsNoSuperuser() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(TestDatabase.RUNTIME_ROLE);
        assertThat(jdbc.queryForObject("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls "
                + "from pg_roles where rolname = current_user", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("""
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and pg_get_userbyid(c.relowner) = current_user
                """, Long.class)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "truncate audit_log",
            "truncate worker",
            "truncate payout_batch cascade",
            "alter table audit_log disable trigger audit_log_no_update_or_delete",
            "alter table audit_log disable trigger all",
            "alter table payout_line add column forged text",
            "drop table audit_log",
            "drop trigger audit_log_no_update_or_delete on audit_log",
            "create or replace function audit_log_is_append_only() returns trigger language plpgsql as 'begin return new; end'",
            "set session_replication_role = replica",
            "set local session_replication_role = replica",
            "update audit_log set actor = 'forger' where id = (select min(id) from audit_log)",
            "delete from audit_log where id = (select min(id) from audit_log)",
            "create table shadow (id int)",
            "create schema shadow",
            "delete from flyway_schema_history where version = '1'",
            "create role forger login",
            "alter role workrelief_app superuser",
            "update worker_payee_account set bank_card_masked = 'forged'",
            "delete from enrollment_period"
    })
    void theRuntimeRoleIsRefused(String statement) throws SQLException {
        try (Connection connection = runtimeConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> sql.execute(statement)).as(statement)
                    .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getSQLState())
                            .as(statement + ": " + refused.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            connection.rollback();
        }
    }

    @Test
    void theRuntimeRoleMayReadAndAppendToTheAuditLogAndWriteRowsElsewhere() throws SQLException {
        try (Connection connection = runtimeConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("select count(*) from audit_log");
            sql.executeUpdate("insert into audit_log (occurred_at, actor, action) values (now(), 'test', 'ROLE_CHECK')");
            sql.executeUpdate("update town set updated_at = updated_at where false");
            sql.executeUpdate("delete from town where false");
            connection.rollback();
        }
    }

    private static Connection runtimeConnection() throws SQLException {
        TestDatabase database = TestDatabase.get();
        return DriverManager.getConnection(database.jdbcUrl(), database.runtimeUsername(), database.runtimePassword());
    }
}
