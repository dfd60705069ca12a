package org.workrelief.common.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log every module writes to: who, when, what, and the state before and
 * after as JSON. It joins the caller's transaction, so a change that rolls back leaves no audit
 * row claiming it happened. The table refuses UPDATE, DELETE and TRUNCATE itself (V1 trigger),
 * so not even a bug here can rewrite history; and the database chains every row it stores, however it
 * is written, to the previous one of its project, town or county by a hash (V26 trigger, see
 * {@link AuditChain}), so that a rewrite by someone who can switch triggers off shows.
 */
@Service
public class AuditLog {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change made by the signed-in user (or the system). */
    @Transactional
    public void record(AuditEvent event) {
        recordAs(Actors.current(), event);
    }

    /** Records an event whose actor is not (yet) signed in, e.g. a failed login under a typed name. */
    @Transactional
    public void recordAs(String actor, AuditEvent event) {
        jdbc.update("""
                insert into audit_log (occurred_at, actor, action, entity_type, entity_id, town_id, project_id,
                                       before_state, after_state, detail)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)
                """,
                Timestamp.from(clock.instant()), truncate(actor, 64), event.action(), event.entityType(),
                event.entityId(), event.townId(), event.projectId(), toJson(event.before()), toJson(event.after()),
                truncate(event.detail(), 500));
    }

    /** Records many events of one actor in one batch (a roster import writes one per worker and enrollment). */
    @Transactional
    public void recordAllAs(String actor, List<AuditEvent> events) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into audit_log (occurred_at, actor, action, entity_type, entity_id, town_id, project_id,
                                       before_state, after_state, detail)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)
                """, events.stream().map(event -> new Object[] { now, truncate(actor, 64), event.action(),
                event.entityType(), event.entityId(), event.townId(), event.projectId(), toJson(event.before()), toJson(event.after()),
                truncate(event.detail(), 500) }).toList());
    }

    /**
     * The start of an INSERT ... SELECT writing one audit row per row it selects, for a statement that
     * stores a change and its audit row in one round trip (after a CTE that writes and returns
     * {@code id}, say): append {@code from <rows>}; each row's {@code id} is the entity id. Its eight
     * parameters come first, as {@link #insertParameters} gives them.
     */
    public static final String INSERT_PER_ROW = """
            insert into audit_log (occurred_at, actor, action, entity_type, entity_id, town_id, project_id,
                                   before_state, after_state, detail)
            select ?, ?, ?, ?, id::text, ?, ?, cast(? as jsonb), cast(? as jsonb), ?
            """;

    /** The parameters of {@link #INSERT_PER_ROW} for an event recorded now by this actor (the rows give its entity id). */
    public List<Object> insertParameters(String actor, AuditEvent event) {
        return java.util.Arrays.asList(Timestamp.from(clock.instant()), truncate(actor, 64), event.action(),
                event.entityType(), event.townId(), event.projectId(), toJson(event.before()), toJson(event.after()),
                truncate(event.detail(), 500));
    }

    /** The history of one record, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> historyOf(String entityType, Object entityId) {
        return jdbc.query("""
                select * from audit_log where entity_type = ? and entity_id = ? order by id
                """, AuditLog::toEntry, entityType, String.valueOf(entityId));
    }

    /** The latest entries about an actor (for example the login history of a user name), newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latestByActor(String actor, int limit) {
        return jdbc.query("select * from audit_log where actor = ? order by id desc limit ?",
                AuditLog::toEntry, actor, limit);
    }

    static AuditEntry toEntry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getObject("town_id", Long.class), rs.getObject("project_id", Long.class),
                rs.getString("before_state"),
                rs.getString("after_state"), rs.getString("detail"));
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
