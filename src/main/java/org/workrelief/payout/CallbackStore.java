package org.workrelief.payout;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workrelief.common.db.RowStamp;

/** The call-back samples and checks as stored; the draw at publicize and the reading for approval. */
@Component
public class CallbackStore {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final JdbcClient jdbc;
    private final int percent;
    private final int min;
    private final int max;

    CallbackStore(JdbcClient jdbc, @Value("${workrelief.payout.callback.percent:5}") int percent,
            @Value("${workrelief.payout.callback.min:3}") int min, @Value("${workrelief.payout.callback.max:30}") int max) {
        this.jdbc = jdbc;
        this.percent = percent;
        this.min = min;
        this.max = max;
    }

    /** The sample of a batch: its seed, the settings it was drawn with, the lines and how many drawn. */
    public record Sample(long id, long batchId, long seed, int percent, int min, int max, int lineCount, int size,
            Instant drawnAt, String drawnBy) {
    }

    /** Draws the batch's sample with a fresh seed, once; the preparer has no say in which lines. */
    Sample draw(long batchId, String actor, Instant now) {
        Optional<Sample> existing = sampleOf(batchId);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Long> lineIds = jdbc.sql("select id from payout_line where batch_id = :batchId order by id")
                .param("batchId", batchId).query(Long.class).list();
        long seed = SEEDS.nextLong();
        int size = CallbackSample.size(lineIds.size(), percent, min, max);
        List<Long> drawn = CallbackSample.draw(seed, lineIds, size);
        RowStamp stamp = new RowStamp(now, actor);
        long sampleId = stamp.on(jdbc.sql("""
                insert into callback_sample (batch_id, seed, percent, min_size, max_size, line_count, sample_size, %s)
                values (:batchId, :seed, :percent, :minSize, :maxSize, :lineCount, :sampleSize, %s) returning id
                """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).param("batchId", batchId).param("seed", seed)
                .param("percent", percent).param("minSize", min).param("maxSize", max).param("lineCount", lineIds.size())
                .param("sampleSize", size).query(Long.class).single();
        for (int i = 0; i < drawn.size(); i++) {
            stamp.on(jdbc.sql("""
                    insert into callback_check (sample_id, batch_id, line_id, position, %s)
                    values (:sampleId, :batchId, :lineId, :position, %s)
                    """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).param("sampleId", sampleId).param("batchId", batchId)
                    .param("lineId", drawn.get(i)).param("position", i + 1).update();
        }
        return sampleOf(batchId).orElseThrow();
    }

    public Optional<Sample> sampleOf(long batchId) {
        return jdbc.sql("select * from callback_sample where batch_id = :batchId").param("batchId", batchId)
                .query((rs, i) -> new Sample(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("seed"), rs.getInt("percent"),
                        rs.getInt("min_size"), rs.getInt("max_size"), rs.getInt("line_count"), rs.getInt("sample_size"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"))).optional();
    }

    /** The sample and its checks, in one statement (the batch page counts its statements). */
    public record Overview(Sample sample, List<CallbackCheck> checks) {
    }

    Overview overview(long batchId) {
        Sample[] sample = new Sample[1];
        List<CallbackCheck> checks = new java.util.ArrayList<>();
        // the sample's columns on every row (read from the first) beside its checks', all by column name
        jdbc.sql("""
                select s.id as s_id, s.seed as s_seed, s.percent as s_percent, s.min_size as s_min, s.max_size as s_max,
                       s.line_count as s_lines, s.sample_size as s_size, s.created_at as s_at, s.created_by as s_by,
                       c.*, l.worker_id, l.days, l.amount_payable, w.worker_code, w.name as worker_name
                from callback_sample s left join callback_check c on c.sample_id = s.id
                     left join payout_line l on l.id = c.line_id left join worker_name w on w.id = l.worker_id
                where s.batch_id = :batchId order by c.position
                """).param("batchId", batchId).query(rs -> {
            if (sample[0] == null) {
                sample[0] = new Sample(rs.getLong("s_id"), batchId, rs.getLong("s_seed"), rs.getInt("s_percent"),
                        rs.getInt("s_min"), rs.getInt("s_max"), rs.getInt("s_lines"), rs.getInt("s_size"),
                        rs.getTimestamp("s_at").toInstant(), rs.getString("s_by"));
            }
            if (rs.getObject("line_id") != null) {
                checks.add(toCheck(rs, checks.size()));
            }
        });
        return new Overview(sample[0], List.copyOf(checks));
    }

    public List<CallbackCheck> checksOf(long batchId) {
        return jdbc.sql(SELECT + " where c.batch_id = :batchId order by c.position").param("batchId", batchId)
                .query(CallbackStore::toCheck).list();
    }

    Optional<CallbackCheck> check(long checkId) {
        return jdbc.sql(SELECT + " where c.id = :checkId").param("checkId", checkId).query(CallbackStore::toCheck).optional();
    }

    private static final String SELECT = """
            select c.*, l.worker_id, l.days, l.amount_payable, w.worker_code, w.name as worker_name
            from callback_check c join payout_line l on l.id = c.line_id join worker_name w on w.id = l.worker_id
            """;

    /**
     * A check by column name. Written out rather than {@code query(CallbackCheck.class)}: {@code c.*} names the line's
     * figures at the answer and the resolution {@code line_days_checked} ..., which the record calls {@code daysChecked} ...
     */
    private static CallbackCheck toCheck(ResultSet rs, int row) throws SQLException {
        return new CallbackCheck(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("line_id"), rs.getInt("position"),
                rs.getString("worker_code"), rs.getString("worker_name"), rs.getLong("worker_id"), rs.getBigDecimal("days"),
                rs.getBigDecimal("amount_payable"), rs.getObject("reached", Boolean.class), rs.getString("worked"),
                rs.getString("differs_how"), rs.getBigDecimal("expected_amount"), rs.getString("note"),
                rs.getString("checked_by"), instant(rs, "checked_at"), rs.getInt("attempts"),
                rs.getString("last_attempt_by"), instant(rs, "last_attempt_at"), rs.getBigDecimal("line_days_checked"),
                rs.getBigDecimal("line_payable_checked"), rs.getObject("line_version_checked", Long.class),
                rs.getString("resolution_kind"), rs.getString("resolution"), rs.getString("resolved_by"),
                instant(rs, "resolved_at"), rs.getBigDecimal("line_days_resolved"), rs.getBigDecimal("line_payable_resolved"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
