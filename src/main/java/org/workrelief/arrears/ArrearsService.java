package org.workrelief.arrears;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.SignedInUser;

/**
 * 欠薪预警: the four kinds of wages owed and not paid in time (see {@link ArrearsKind}), each per
 * project and period (or batch), with the workers affected and the amount; the viewer's town's, or
 * every town's at county level. Dates from the application's clock.
 */
@Service
public class ArrearsService {

    /** Approved days count as owed this many days after their month ended (保障农民工工资支付条例: monthly pay). */
    public static final int UNPAID_DAYS_AFTER_MONTH = 30;
    /** A month's batch is due by this day of the next month. */
    public static final int BATCH_DUE_DAY = 10;
    /** A failed bank line is to be re-issued within this many days. */
    public static final int REISSUE_WITHIN_DAYS = 7;
    /** The bank's results of a released batch are expected within this many days. */
    public static final int BANK_RESULTS_WITHIN_DAYS = 5;

    /**
     * The scope's project-months up to a date that may hold unpaid approved days, read from the reviews
     * and batches only (a few rows a day, not every sign-in): a month with an approved day that no batch
     * covers, or with a batch (or a re-issue) whose lines are not all paid or re-issued. A month whose
     * every approved day is in batches paid in full is left out before any sign-in is read.
     */
    private static final String CANDIDATE_MONTHS = """
            select d.project_id, d.month
            from (select r.project_id, date_trunc('month', r.review_date)::date as month,
                         not exists (select 1 from payout_batch_state b where b.project_id = r.project_id and b.reissue_of is null
                                     and b.period_from <= r.review_date and b.period_to >= r.review_date) as uncovered
                  from approved_review_day r join project_name pr on pr.id = r.project_id
                  where r.review_date <= ? and (? or pr.town_id = ?)) d
            group by d.project_id, d.month
            having bool_or(d.uncovered)
                or exists (select 1 from payout_batch_state b join payout_line_state l on l.batch_id = b.id
                           where b.project_id = d.project_id and b.period_from >= d.month
                             and b.period_from < d.month + interval '1 month' and l.status in ('PENDING', 'FAILED'))
            """;

    /** Each worker's counted (approved, not rejected) days of the candidate months, FULL = 2 sign-ins. */
    private static final String COUNTED_DAYS = """
            select p.project_id, p.worker_id, p.work_date, count(*) as signs
            from candidates c
            join sign_in_record p on p.project_id = c.project_id and p.work_date >= c.month
                        and p.work_date < c.month + interval '1 month'
            join approved_review_day r on r.project_id = p.project_id and r.review_date = p.work_date
            where not exists (select 1 from rejected_anomaly d where d.review_id = r.id
                              and (cardinality(d.worker_ids) = 0 or p.worker_id = any (d.worker_ids)))
            group by p.project_id, p.worker_id, p.work_date
            """;

    /** The worker's day rate on the project as of a date (the latest enrollment begun by then), as batches compute it. */
    private static final String DAY_RATE = """
            left join lateral (select t.day_rate from enrollment_period e join team_day_rate t on t.id = e.team_id
                               where e.project_id = x.project_id and e.worker_id = x.worker_id and e.enrolled_on <= x.month_end
                               order by e.enrolled_on desc, e.id desc limit 1) rate on true
            join worker_name w on w.id = x.worker_id
            join project_name pr on pr.id = x.project_id
            left join town_setting tw on tw.id = pr.town_id
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ArrearsService(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every warning the viewer may see, the longest overdue first. */
    @Transactional(readOnly = true)
    public List<ArrearsWarning> warnings(SignedInUser viewer) {
        LocalDate today = today();
        boolean county = viewer.isCountyLevel();
        long town = county ? 0L : viewer.townId();
        List<ArrearsWarning> all = new ArrayList<>();
        all.addAll(unpaidDays(today, county, town));
        all.addAll(monthsWithoutBatch(today, county, town));
        all.addAll(failedNotReissued(today, county, town));
        all.addAll(withoutBankResults(today, county, town));
        all.sort(Comparator.comparingLong(ArrearsWarning::daysOverdue).reversed()
                .thenComparing(ArrearsWarning::projectCode).thenComparing(ArrearsWarning::periodFrom));
        return all;
    }

    /** The warnings the viewer's role must act on (their home page). */
    @Transactional(readOnly = true)
    public List<ArrearsWarning> toActOn(SignedInUser viewer) {
        return warnings(viewer).stream().filter(w -> w.kind().actedOnBy(viewer.role())).toList();
    }

    /** A worker's line of a warning: the worker, the amount owed to them. */
    private record Row(String key, long projectId, String code, String name, String town, LocalDate from, LocalDate to,
            Long batchId, String worker, BigDecimal amount, LocalDate dueBy) {
    }

    /**
     * Approved days not paid (no PAID line of a batch of the project covering the day) more than 30
     * days after their month ended; the amount at the worker's day rate.
     */
    private List<ArrearsWarning> unpaidDays(LocalDate today, boolean county, long town) {
        LocalDate latest = today.minusDays(UNPAID_DAYS_AFTER_MONTH + 1L);
        LocalDate cutoff = latest.equals(YearMonth.from(latest).atEndOfMonth()) ? latest : latest.withDayOfMonth(1).minusDays(1);
        List<Row> rows = jdbc.query("""
                with candidates as (%s),
                counted as (%s),
                x as (select c.project_id, c.worker_id, date_trunc('month', c.work_date)::date as month,
                             (date_trunc('month', c.work_date) + interval '1 month - 1 day')::date as month_end,
                             sum(case when c.signs >= 2 then 1.0 else 0.5 end) as days
                      from counted c
                      where not exists (select 1 from payout_batch_state b join payout_line_state l on l.batch_id = b.id
                                        where b.project_id = c.project_id and l.worker_id = c.worker_id
                                          and b.period_from <= c.work_date and b.period_to >= c.work_date
                                          and l.status = 'PAID')
                      group by 1, 2, 3, 4)
                select x.project_id, pr.code, pr.name, tw.name as town, x.month, x.month_end, w.name as worker,
                       x.days * coalesce(rate.day_rate, 0) as amount
                from x %s
                order by x.project_id, x.month, w.name
                """.formatted(CANDIDATE_MONTHS, COUNTED_DAYS, DAY_RATE), (rs, i) -> {
            LocalDate monthEnd = rs.getDate("month_end").toLocalDate();
            return row(rs, "U", rs.getDate("month").toLocalDate(), monthEnd, null,
                    monthEnd.plusDays(UNPAID_DAYS_AFTER_MONTH));
        }, Date.valueOf(cutoff), county, town);
        return group(ArrearsKind.UNPAID_DAYS, rows, today);
    }

    /**
     * Months with sign-ins and no batch of the project (re-issues aside) by the 10th of the next month;
     * the amount estimated from the month's sign-ins (approved or not) at the workers' day rates.
     */
    private List<ArrearsWarning> monthsWithoutBatch(LocalDate today, boolean county, long town) {
        // the latest month whose batch was due before today
        YearMonth latest = YearMonth.from(today).minusMonths(today.getDayOfMonth() > BATCH_DUE_DAY ? 1 : 2);
        List<Row> rows = jdbc.query("""
                with months as (
                    select d.project_id, date_trunc('month', d.work_date)::date as month
                    from attendance_day_headcount d join project_name pr on pr.id = d.project_id
                    where d.work_date <= ? and (? or pr.town_id = ?)
                    group by 1, 2),
                open_months as (
                    select m.* from months m
                    where not exists (select 1 from payout_batch_state b where b.project_id = m.project_id and b.reissue_of is null
                                      and b.period_from >= m.month and b.period_from < m.month + interval '1 month')),
                x as (select o.project_id, o.month, (o.month + interval '1 month - 1 day')::date as month_end, s.worker_id,
                             sum(case when s.signs >= 2 then 1.0 else 0.5 end) as days
                      from open_months o
                      join lateral (select p.worker_id, p.work_date, count(*) as signs from sign_in_record p
                                    where p.project_id = o.project_id and p.work_date >= o.month
                                      and p.work_date < o.month + interval '1 month'
                                    group by p.worker_id, p.work_date) s on true
                      group by o.project_id, o.month, s.worker_id)
                select x.project_id, pr.code, pr.name, tw.name as town, x.month, x.month_end, w.name as worker,
                       x.days * coalesce(rate.day_rate, 0) as amount
                from x %s
                order by x.project_id, x.month, w.name
                """.formatted(DAY_RATE), (rs, i) -> {
            LocalDate month = rs.getDate("month").toLocalDate();
            return row(rs, "B", month, rs.getDate("month_end").toLocalDate(), null,
                    month.plusMonths(1).withDayOfMonth(BATCH_DUE_DAY));
        }, Date.valueOf(latest.atEndOfMonth()), county, town);
        return group(ArrearsKind.NO_BATCH, rows, today);
    }

    /** Lines the bank returned as failed more than 7 days ago and not yet re-issued in a follow-up batch. */
    private List<ArrearsWarning> failedNotReissued(LocalDate today, boolean county, long town) {
        List<Row> rows = jdbc.query("""
                select b.project_id, pr.code, pr.name, tw.name as town, b.period_from, b.period_to, b.id as batch_id,
                       w.name as worker, l.amount_payable as amount, coalesce(l.failed_at, b.released_at) as since
                from payout_line_state l join payout_batch_state b on b.id = l.batch_id
                join project_name pr on pr.id = b.project_id left join town_setting tw on tw.id = pr.town_id
                join worker_name w on w.id = l.worker_id
                where l.status = 'FAILED' and coalesce(l.failed_at, b.released_at) < ? and (? or pr.town_id = ?)
                order by b.id, w.name
                """, (rs, i) -> row(rs, "F", rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
                rs.getLong("batch_id"), dayOf(rs.getTimestamp("since")).plusDays(REISSUE_WITHIN_DAYS)),
                Timestamp.from(clock.instant().minus(Duration.ofDays(REISSUE_WITHIN_DAYS))), county, town);
        return group(ArrearsKind.FAILED_NOT_REISSUED, rows, today);
    }

    /** Released batches still awaiting the bank's answer on some lines more than 5 days after the release. */
    private List<ArrearsWarning> withoutBankResults(LocalDate today, boolean county, long town) {
        List<Row> rows = jdbc.query("""
                select b.project_id, pr.code, pr.name, tw.name as town, b.period_from, b.period_to, b.id as batch_id,
                       w.name as worker, l.amount_payable as amount, b.released_at as since
                from payout_batch_state b join payout_line_state l on l.batch_id = b.id and l.status = 'PENDING'
                join project_name pr on pr.id = b.project_id left join town_setting tw on tw.id = pr.town_id
                join worker_name w on w.id = l.worker_id
                where b.status = 'RELEASED' and b.released_at < ? and (? or pr.town_id = ?)
                order by b.id, w.name
                """, (rs, i) -> row(rs, "R", rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
                rs.getLong("batch_id"), dayOf(rs.getTimestamp("since")).plusDays(BANK_RESULTS_WITHIN_DAYS)),
                Timestamp.from(clock.instant().minus(Duration.ofDays(BANK_RESULTS_WITHIN_DAYS))), county, town);
        return group(ArrearsKind.NO_BANK_RESULTS, rows, today);
    }

    private LocalDate dayOf(Timestamp at) {
        return LocalDate.ofInstant(at.toInstant(), clock.getZone());
    }

    private static Row row(ResultSet rs, String kind, LocalDate from, LocalDate to, Long batchId, LocalDate dueBy)
            throws SQLException {
        long projectId = rs.getLong("project_id");
        String key = kind + ":" + projectId + ":" + (batchId != null ? "b" + batchId : from.toString());
        return new Row(key, projectId, rs.getString("code"), rs.getString("name"), rs.getString("town"), from, to, batchId,
                rs.getString("worker"), rs.getBigDecimal("amount").setScale(2, RoundingMode.HALF_UP), dueBy);
    }

    /** One warning per project and period (or batch): its workers in the query's (pinyin) order and their total. */
    private static List<ArrearsWarning> group(ArrearsKind kind, List<Row> rows, LocalDate today) {
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row));
        List<ArrearsWarning> warnings = new ArrayList<>();
        byKey.values().forEach(list -> {
            Row first = list.get(0);
            LocalDate dueBy = list.stream().map(Row::dueBy).min(Comparator.naturalOrder()).orElseThrow();
            warnings.add(new ArrearsWarning(kind, first.projectId(), first.code(), first.name(), first.town(), first.from(),
                    first.to(), first.batchId(), list.stream().map(Row::worker).toList(),
                    list.stream().map(Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add), dueBy,
                    Math.max(0, ChronoUnit.DAYS.between(dueBy, today))));
        });
        return warnings;
    }
}
