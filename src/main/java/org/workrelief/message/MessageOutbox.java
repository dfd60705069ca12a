package org.workrelief.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.Actors;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;

/**
 * 短信发件箱: every message to a worker's phone is first a row here, written in the transaction of
 * the event it tells of, at most one per event (its key is unique). {@link #sendDue()} sends what is
 * due through the {@link SmsGateway}, one message per transaction holding the message's row lock
 * (taken with SKIP LOCKED, so two senders at once never take the same message), recording each
 * attempt; a failure is tried again after the next back-off delay, and after the last one the
 * message is given up. Without a provider the messages stay PENDING for a clerk to send by hand.
 */
@Service
public class MessageOutbox {

    static final String ENTITY = "WorkerMessage";
    static final String BY_HAND = "BY_HAND";

    private final JdbcTemplate jdbc;
    private final SmsGateway gateway;
    private final AuditLog auditLog;
    private final Clock clock;
    private final List<Duration> retryDelays;
    private final int perRun;
    private final Duration expireAfter;
    private final TransactionTemplate ownTransaction;

    MessageOutbox(JdbcTemplate jdbc, SmsGateway gateway, AuditLog auditLog, Clock clock,
            @Value("${workrelief.messages.retry-delays:PT1M,PT5M,PT30M,PT2H}") List<Duration> retryDelays,
            @Value("${workrelief.messages.per-run:500}") int perRun,
            @Value("${workrelief.messages.expire-after:P7D}") Duration expireAfter, PlatformTransactionManager transactionManager) {
        this.expireAfter = expireAfter;
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.auditLog = auditLog;
        this.clock = clock;
        this.retryDelays = List.copyOf(retryDelays);
        this.perRun = perRun;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A message to put in the outbox: the event's key, the worker, the text and where it belongs. */
    public record Draft(String eventKey, long workerId, String text, Long projectId) {
    }

    // --- putting messages in ------------------------------------------------------------------

    /**
     * Puts one message for a worker in the outbox, to their phone as registered, unless a message for
     * this event is there already (then nothing changes). Joins the caller's transaction. Answers
     * whether a message was added; none is for a worker without a phone number.
     */
    @Transactional
    public boolean enqueue(String eventKey, long workerId, String text) {
        return enqueueAll(List.of(new Draft(eventKey, workerId, text, null))) == 1;
    }

    /** Many messages at once (a batch's lines): as {@link #enqueue}, in one statement batch. */
    @Transactional
    public int enqueueAll(List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String actor = Actors.current();
        List<Object[]> rows = new ArrayList<>();
        for (Draft d : drafts) {
            if (d.eventKey() == null || d.eventKey().isBlank() || d.eventKey().length() > 160) {
                throw new IllegalArgumentException("an event key of 1 to 160 characters: " + d.eventKey());
            }
            rows.add(new Object[] { d.eventKey(), d.projectId(), truncate(d.text().strip(), 500), now, now, actor, now,
                    actor, d.workerId() });
        }
        int added = 0;
        for (int count : jdbc.batchUpdate("""
                insert into worker_message (event_key, town_id, project_id, phone, body, status, attempts, next_attempt_at,
                                            created_at, created_by, updated_at, updated_by, worker_id)
                select ?, w.town_id, ?, w.phone, ?, 'PENDING', 0, ?, ?, ?, ?, ?, w.id
                from worker_contact w where w.id = ? and w.phone is not null and w.phone <> ''
                on conflict (event_key) do nothing
                """, rows)) {
            added += Math.max(count, 0);
        }
        return added;
    }

    // --- sending --------------------------------------------------------------------------------

    /** Whether a provider is configured (else every message waits for a clerk). */
    public boolean providerConfigured() {
        return gateway.configured();
    }

    /** Sends what is due through the configured provider; nothing without one. Answers how many were accepted. */
    public int sendDue() {
        return sendDue(gateway);
    }

    int sendDue(SmsGateway via) {
        if (!via.configured()) {
            return 0;
        }
        int accepted = 0;
        for (int i = 0; i < perRun; i++) {
            Boolean outcome = ownTransaction.execute(status -> sendNext(via));
            if (outcome == null) {
                break;
            }
            if (outcome) {
                accepted++;
            }
        }
        return accepted;
    }

    /** The oldest due message no other sender holds, sent and recorded; null when none is due. */
    private Boolean sendNext(SmsGateway via) {
        Instant now = clock.instant();
        List<Map<String, Object>> due = jdbc.queryForList("""
                select id, phone, body, attempts from worker_message
                where status in ('PENDING', 'FAILED') and next_attempt_at <= ? and created_at > ?
                order by next_attempt_at, id limit 1
                for update skip locked
                """, Timestamp.from(now), Timestamp.from(now.minus(expireAfter)));
        if (due.isEmpty()) {
            return null;
        }
        long id = ((Number) due.get(0).get("id")).longValue();
        int attempt = ((Number) due.get(0).get("attempts")).intValue() + 1;
        SmsGateway.Result result = via.send((String) due.get(0).get("phone"), (String) due.get(0).get("body"),
                String.valueOf(id));
        Instant after = clock.instant();
        recordAttempt(id, attempt, after, result.accepted() ? "SENT" : "FAILED", result.answer(), "system");
        if (result.accepted()) {
            jdbc.update("""
                    update worker_message set status = 'SENT', attempts = ?, sent_at = ?, last_answer = ?,
                        version = version + 1, updated_at = ?, updated_by = 'system' where id = ?
                    """, attempt, Timestamp.from(after), truncate(result.answer(), 500), Timestamp.from(after), id);
            return true;
        }
        boolean giveUp = result.permanent() || attempt > retryDelays.size();
        Instant next = giveUp ? after : after.plus(retryDelays.get(attempt - 1));
        jdbc.update("""
                update worker_message set status = ?, attempts = ?, next_attempt_at = ?, last_answer = ?,
                    version = version + 1, updated_at = ?, updated_by = 'system' where id = ?
                """, giveUp ? "GAVE_UP" : "FAILED", attempt, Timestamp.from(next), truncate(result.answer(), 500),
                Timestamp.from(after), id);
        return false;
    }

    private void recordAttempt(long messageId, int attempt, Instant at, String outcome, String answer, String by) {
        jdbc.update("""
                insert into worker_message_attempt (message_id, attempt_no, attempted_at, outcome, provider_answer, attempted_by)
                values (?, ?, ?, ?, ?, ?)
                """, messageId, attempt, Timestamp.from(at), outcome, truncate(answer, 1000), by);
    }

    // --- the clerk's side -----------------------------------------------------------------------

    /** Which of the town's messages a page shows. */
    public enum Shown {
        /** not delivered yet and not too old to deliver: pending, failed, given up */
        OPEN,
        /** delivered, by the provider or by hand */
        SENT,
        /** not delivered within {@code workrelief.messages.expire-after} of its event: no longer sent */
        EXPIRED
    }

    /**
     * The town's messages for its staff, newest first, at most {@code limit}. A message not delivered
     * within {@code workrelief.messages.expire-after} of its event (a notice long over) is no longer
     * sent nor listed to send: it is {@link Shown#EXPIRED}. A county-level user sees every town's.
     */
    @Transactional(readOnly = true)
    public List<OutboxMessage> list(SignedInUser viewer, Shown shown, int limit) {
        viewer.require(Role.ADMIN, Role.STAFF);
        List<Object> args = new ArrayList<>();
        String where = condition(shown, args);
        if (!viewer.isCountyLevel()) {
            where += " and m.town_id = ?";
            args.add(viewer.townId());
        }
        args.add(limit);
        return jdbc.query(SELECT + " where " + where + " order by m.created_at desc, m.id desc limit ?", MessageOutbox::row,
                args.toArray());
    }

    /** How many messages of the viewer's town a page would show (for the tabs and the home page). */
    @Transactional(readOnly = true)
    public int count(SignedInUser viewer, Shown shown) {
        viewer.require(Role.ADMIN, Role.STAFF);
        List<Object> args = new ArrayList<>();
        String where = condition(shown, args);
        if (!viewer.isCountyLevel()) {
            where += " and m.town_id = ?";
            args.add(viewer.townId());
        }
        Integer count = jdbc.queryForObject("select count(*) from worker_message m where " + where, Integer.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    private String condition(Shown shown, List<Object> args) {
        if (shown == Shown.SENT) {
            return "m.status = 'SENT'";
        }
        args.add(Timestamp.from(clock.instant().minus(expireAfter)));
        return shown == Shown.OPEN ? "m.status <> 'SENT' and m.created_at > ?" : "m.status <> 'SENT' and m.created_at <= ?";
    }

    /** One message, if the viewer's town's. */
    @Transactional(readOnly = true)
    public OutboxMessage message(SignedInUser viewer, long id) {
        viewer.require(Role.ADMIN, Role.STAFF);
        List<OutboxMessage> found = jdbc.query(SELECT + " where m.id = ?", MessageOutbox::row, id);
        if (found.isEmpty() || !viewer.maySee(townOf(id))) {
            throw new NotFoundException(ENTITY, id);
        }
        return found.get(0);
    }

    /** A message's attempts, oldest first: when, outcome, what the provider answered, who. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> attempts(SignedInUser viewer, long id) {
        message(viewer, id);
        return jdbc.queryForList("""
                select attempt_no, attempted_at, outcome, provider_answer, attempted_by
                from worker_message_attempt where message_id = ? order by attempt_no
                """, id);
    }

    /**
     * A clerk sent the message by hand (from their own phone): it is SENT, the step is an attempt of
     * its own and in the audit log. Refused once sent (by the provider or another clerk meanwhile) or
     * when the message changed since the page was shown.
     */
    @Transactional
    public OutboxMessage markSentByHand(SignedInUser actor, long id, long version) {
        OutboxMessage before = message(actor, id);
        if (before.status() == MessageStatus.SENT) {
            throw new BusinessRuleException("sms.outbox.alreadySent");
        }
        Instant now = clock.instant();
        int moved = jdbc.update("""
                update worker_message set status = 'SENT', attempts = attempts + 1, sent_at = ?, sent_by_hand = ?,
                    last_answer = ?, version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and version = ? and status <> 'SENT'
                """, Timestamp.from(now), actor.getUsername(), BY_HAND, Timestamp.from(now), actor.getUsername(), id, version);
        if (moved == 0) {
            throw new BusinessRuleException("sms.outbox.stale");
        }
        recordAttempt(id, before.attempts() + 1, now, "SENT", BY_HAND, actor.getUsername());
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("WORKER_MESSAGE_SENT_BY_HAND", ENTITY, id)
                .inProject(projectOf(id), townOf(id))
                .change(Map.of("status", before.status().name(), "attempts", before.attempts()),
                        Map.of("status", "SENT", "eventKey", before.eventKey()))
                .detail(before.workerCode()));
        return message(actor, id);
    }

    private Long townOf(long id) {
        return jdbc.queryForObject("select town_id from worker_message where id = ?", Long.class, id);
    }

    private Long projectOf(long id) {
        return jdbc.queryForObject("select project_id from worker_message where id = ?", Long.class, id);
    }

    private static final String SELECT = """
            select m.id, m.event_key, m.worker_id, w.worker_code, w.name, m.phone, m.body, m.status, m.attempts,
                   m.next_attempt_at, m.sent_at, m.sent_by_hand, m.last_answer, m.created_at, m.version
            from worker_message m join worker_name w on w.id = m.worker_id
            """;

    private static OutboxMessage row(ResultSet rs, int i) throws SQLException {
        return new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), MessageStatus.valueOf(rs.getString(8)), rs.getInt(9), instant(rs, 10),
                instant(rs, 11), rs.getString(12), rs.getString(13), instant(rs, 14), rs.getLong(15));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
