package org.workrelief.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The who/when columns of a stored row ({@code common/db/RowStamp}) as the tests compare them: read by key, and the
 * values they should hold after a row is created or changed.
 */
public final class RowStamps {

    private RowStamps() {
    }

    /** The row's created/updated columns and version; times as instants, the version as a long. */
    public static Map<String, Object> of(JdbcTemplate jdbc, String table, String key, long id) {
        return jdbc.queryForMap("select created_at, created_by, updated_at, updated_by, version from " + table
                + " where " + key + " = ?", id).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() instanceof Timestamp t ? t.toInstant()
                        : e.getValue() instanceof Integer i ? (long) i : e.getValue()));
    }

    /** A row created by one user at one instant and not changed since. */
    public static Map<String, Object> created(String by, Instant at) {
        return updated(by, at, by, at, 0);
    }

    /** A row created by one user and last changed by another (or the same), at its version. */
    public static Map<String, Object> updated(String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
            long version) {
        Map<String, Object> stamps = new LinkedHashMap<>();
        stamps.put("created_at", micros(createdAt));
        stamps.put("created_by", createdBy);
        stamps.put("updated_at", micros(updatedAt));
        stamps.put("updated_by", updatedBy);
        stamps.put("version", version);
        return stamps;
    }

    /** PostgreSQL keeps microseconds. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
