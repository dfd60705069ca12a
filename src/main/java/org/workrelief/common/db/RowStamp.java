package org.workrelief.common.db;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who wrote a row and when: the columns every table carries ({@code created_at}, {@code created_by},
 * {@code updated_at}, {@code updated_by}, {@code version}, as {@link org.workrelief.common.BaseEntity} maps them
 * for JPA), for the SQL written by hand with {@link JdbcClient}. The SQL names the columns through the constants
 * here and {@link #on} binds their two named parameters, {@code :stampedAt} and {@code :stampedBy}, from one
 * instant and one user:
 *
 * <pre>{@code
 * stamp.on(jdbc.sql("""
 *         insert into t (name, %s) values (:name, %s)
 *         """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).param("name", name).update();
 * stamp.on(jdbc.sql("update t set name = :name, " + RowStamp.UPDATED + " where id = :id"))...
 * }</pre>
 *
 * An inserted row's {@code version} is its column's default (0); {@link #UPDATED} moves it on by one. An upsert's
 * {@code on conflict … do update set} (where {@code excluded} has the same columns) uses {@link #updated(String)}.
 */
public record RowStamp(Instant at, String by) {

    /** The who/when columns of an insert's column list. */
    public static final String COLUMNS = "created_at, created_by, updated_at, updated_by";

    /** Their values, in the order of {@link #COLUMNS}: created and updated by the same user at the same instant. */
    public static final String VALUES = ":stampedAt, :stampedBy, :stampedAt, :stampedBy";

    /** An update's assignments: updated now, by the user, and the optimistic-locking version moved on. */
    public static final String UPDATED = "updated_at = :stampedAt, updated_by = :stampedBy, version = version + 1";

    /**
     * {@link #UPDATED} with the version read from the named table or alias: for an upsert's {@code do update set},
     * where an unqualified {@code version} would be ambiguous with {@code excluded.version}.
     */
    public static String updated(String table) {
        return "updated_at = :stampedAt, updated_by = :stampedBy, version = " + table + ".version + 1";
    }

    /** Stamped now (the injected clock) by {@code by}. */
    public static RowStamp now(Clock clock, String by) {
        return new RowStamp(clock.instant(), by);
    }

    /** Binds {@code :stampedAt} and {@code :stampedBy} of a statement that uses the constants above. */
    public JdbcClient.StatementSpec on(JdbcClient.StatementSpec statement) {
        return statement.param("stampedAt", Timestamp.from(at)).param("stampedBy", by);
    }

    /** The same two parameters on one row of a JDBC batch ({@code NamedParameterJdbcTemplate.batchUpdate}). */
    public MapSqlParameterSource on(MapSqlParameterSource row) {
        return row.addValue("stampedAt", Timestamp.from(at)).addValue("stampedBy", by);
    }
}
