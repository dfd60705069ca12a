package org.workrelief.dashboard;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.db.AdvisoryLocks;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.worker.WorkerGroups;

/**
 * The figures and charts of the project dashboard and the town overview, computed from the records
 * (enrollments, sign-ins, released payout lines, training attendees, reviews). The project dashboard
 * always computes them; the overview of many projects shows them as kept in {@code project_figures},
 * at most {@code workrelief.dashboard.figures-max-age} old (see V11 for why).
 */
@Service
public class DashboardService {

    static final int LATE_PAYMENT_DAYS = 30;
    static final int HEADCOUNT_CHART_DAYS = 60;

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final Clock clock;
    private final Duration figuresMaxAge;
    private final WorkerGroups workerGroups;

    DashboardService(JdbcTemplate jdbc, ProjectService projects, Clock clock,
            @Value("${workrelief.dashboard.figures-max-age}") Duration figuresMaxAge, WorkerGroups workerGroups) {
        this.workerGroups = workerGroups;
        this.jdbc = jdbc;
        this.projects = projects;
        this.clock = clock;
        this.figuresMaxAge = figuresMaxAge;
    }

    /**
     * The overview's figures, each project's as computed at most {@code maxAge} before now, and the
     * oldest computation's time ({@code asOf}).
     */
    public record Overview(List<ProjectFigures> figures, Instant asOf, Duration maxAge) {
    }

    /**
     * The projects the viewer may see (their town, or all towns at county level; {@code townId}: only
     * that town's), with their figures as kept; the projects whose figures are older than the maximum
     * age, or of another day, or were never computed, are computed now (and kept).
     */
    @Transactional
    public Overview overview(SignedInUser viewer, Long townId) {
        List<Project> list = projects.visibleTo(viewer, Sort.by("code")).stream()
                .filter(project -> townId == null || townId.equals(project.getTownId())).toList();
        Instant now = clock.instant();
        Map<Long, ProjectFigures> figures = new HashMap<>();
        Instant asOf = takeKept(list, now, figures, null);
        List<Project> stale = missing(list, figures);
        if (!stale.isEmpty()) {
            // One request computes what went stale; the others asking at that moment wait for it (each still
            // holding its connection), then read what it kept. Without this, officials opening the overview
            // together each computed every project's figures: 16 of them at once held the whole connection
            // pool for over 30 seconds.
            AdvisoryLocks.lock(jdbc, AdvisoryLocks.overviewFigures());
            now = clock.instant();
            asOf = takeKept(stale, now, figures, asOf);
            List<Project> stillStale = missing(stale, figures);
            if (!stillStale.isEmpty()) {
                List<ProjectFigures> computed = figuresOf(stillStale);
                keep(computed, now);
                computed.forEach(f -> figures.put(f.project().getId(), f));
                asOf = earlier(asOf, now);
            }
        }
        return new Overview(list.stream().map(project -> figures.get(project.getId())).toList(),
                asOf == null ? now : asOf, figuresMaxAge);
    }

    /** Puts the still-good kept figures of these projects into {@code figures}; answers the earliest time of any. */
    private Instant takeKept(List<Project> list, Instant now, Map<Long, ProjectFigures> figures, Instant asOf) {
        for (Kept kept : kept(list, now)) {
            figures.put(kept.figures().project().getId(), kept.figures());
            asOf = earlier(asOf, kept.computedAt());
        }
        return asOf;
    }

    private static List<Project> missing(List<Project> list, Map<Long, ProjectFigures> figures) {
        return list.stream().filter(project -> !figures.containsKey(project.getId())).toList();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** The user's "refresh now": the figures of every project they may see, computed from the records. */
    @Transactional
    public void refresh(SignedInUser viewer) {
        keep(figuresOf(projects.visibleTo(viewer, Sort.by("code"))), clock.instant());
    }

    /** The job's refresh: every project's figures, computed from the records. */
    @Transactional
    public void refreshAll() {
        keep(figuresOf(projects.all(Sort.by("code"))), clock.instant());
    }

    private record Kept(ProjectFigures figures, Instant computedAt) {
    }

    /** The kept figures of these projects that are still good now: of today, and younger than the maximum age. */
    private List<Kept> kept(List<Project> list, Instant now) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Project> byId = new HashMap<>();
        list.forEach(project -> byId.put(project.getId(), project));
        Map<Long, BigDecimal> floors = projects.floors(list);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        // a time after now (a clock set back, as in tests) is not trusted either
        return jdbc.query("""
                select * from project_figures
                where project_id = any (?) and figures_date = ? and computed_at >= ? and computed_at <= ?
                """, (rs, i) -> new Kept(new ProjectFigures(byId.get(rs.getLong("project_id")), rs.getLong("enrolled"),
                rs.getBigDecimal("average_headcount"), rs.getLong("today_headcount"), rs.getBigDecimal("released"),
                rs.getLong("paid_workers"), rs.getLong("trained"), rs.getLong("overdue_reviews"),
                rs.getLong("late_payments"), today, floors.get(rs.getLong("project_id"))),
                rs.getTimestamp("computed_at").toInstant()),
                byId.keySet().toArray(Long[]::new), Date.valueOf(today), Timestamp.from(now.minus(figuresMaxAge)),
                Timestamp.from(now));
    }

    /** Keeps these figures as computed at {@code at}, in one statement (in the list's order, so that two never deadlock). */
    private void keep(List<ProjectFigures> figures, Instant at) {
        if (figures.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into project_figures (project_id, enrolled, average_headcount, today_headcount, released,
                    paid_workers, trained, overdue_reviews, late_payments, figures_date, computed_at)
                select f.*, ?, ? from unnest(?::bigint[], ?::bigint[], ?::text[]::numeric[], ?::bigint[], ?::text[]::numeric[],
                    ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                    as f(project_id, enrolled, average_headcount, today_headcount, released, paid_workers, trained,
                         overdue_reviews, late_payments)
                on conflict (project_id) do update set enrolled = excluded.enrolled,
                    average_headcount = excluded.average_headcount, today_headcount = excluded.today_headcount,
                    released = excluded.released, paid_workers = excluded.paid_workers, trained = excluded.trained,
                    overdue_reviews = excluded.overdue_reviews, late_payments = excluded.late_payments,
                    figures_date = excluded.figures_date, computed_at = excluded.computed_at,
                    version = project_figures.version + 1
                """, Date.valueOf(figures.get(0).today()), Timestamp.from(at),
                figures.stream().map(f -> f.project().getId()).toArray(Long[]::new),
                figures.stream().map(ProjectFigures::enrolled).toArray(Long[]::new),
                figures.stream().map(f -> f.averageHeadcount().toPlainString()).toArray(String[]::new),
                figures.stream().map(ProjectFigures::todayHeadcount).toArray(Long[]::new),
                figures.stream().map(f -> f.released().toPlainString()).toArray(String[]::new),
                figures.stream().map(ProjectFigures::paidWorkers).toArray(Long[]::new),
                figures.stream().map(ProjectFigures::trained).toArray(Long[]::new),
                figures.stream().map(ProjectFigures::overdueReviews).toArray(Long[]::new),
                figures.stream().map(ProjectFigures::latePayments).toArray(Long[]::new));
    }

    /**
     * The figures of all the projects in one query (one round trip
     * however many projects the overview shows), in the order of the list.
     */
    private List<ProjectFigures> figuresOf(List<Project> list) {
        LocalDate today = LocalDate.now(clock);
        if (list.isEmpty()) {
            return List.of();
        }
        Long[] ids = list.stream().map(Project::getId).toArray(Long[]::new);
        Map<Long, Map<String, Object>> rows = new HashMap<>();
        // each figure a subquery per project, all by the project's indexes: cheap to plan and to run
        // for the one project of a dashboard as for the two hundred of a county. The late lines are counted
        // batch by batch: as a join, the planner could start from the index of all unpaid lines when its
        // statistics predated new batches (in the county benchmark: 10 million rows read, 12 s)
        jdbc.queryForList("""
                select ids.project_id,
                       (select count(distinct e.worker_id) from enrollment_period e where e.project_id = ids.project_id) as enrolled,
                       coalesce(h.average_headcount, 0) as average_headcount, coalesce(h.today, 0) as today,
                       coalesce(r.released, 0) as released, coalesce(r.paid, 0) as paid,
                       (select count(distinct a.worker_id) from training_attendance a
                        where a.project_id = ids.project_id) as trained,
                       (select count(*) from attendance_day_headcount d
                        where d.project_id = ids.project_id and not d.locked and d.work_date < ?) as overdue,
                       (select coalesce(sum((select count(*) from payout_line_state l
                                             where l.batch_id = b.id and l.status in ('PENDING', 'FAILED'))), 0)::bigint
                        from payout_batch_state b where b.project_id = ids.project_id and b.period_to < ?) as late
                from unnest(?::bigint[]) as ids(project_id)
                left join lateral (
                    select round(avg(present), 1) as average_headcount, max(case when work_date = ? then present end) as today
                    from attendance_day_headcount d where d.project_id = ids.project_id) h on true
                left join lateral (
                    select sum(w.amount_payable) as released, count(distinct w.worker_id) as paid
                    from released_wage w where w.project_id = ids.project_id) r on true
                """, Date.valueOf(today),
                Date.valueOf(today.minusDays(LATE_PAYMENT_DAYS)), ids, Date.valueOf(today))
                .forEach(row -> rows.put(number(row, "project_id"), row));
        List<ProjectFigures> figures = new ArrayList<>();
        Map<Long, BigDecimal> floors = projects.floors(list);
        for (Project project : list) {
            Map<String, Object> row = rows.get(project.getId());
            figures.add(new ProjectFigures(project, number(row, "enrolled"), (BigDecimal) row.get("average_headcount"),
                    number(row, "today"), (BigDecimal) row.get("released"), number(row, "paid"), number(row, "trained"),
                    number(row, "overdue"), number(row, "late"), today, floors.get(project.getId())));
        }
        return figures;
    }

    /** A chart's data: labels and values, drawn by the page's script with ECharts. */
    public record Chart(String kind, List<String> labels, List<Number> values) {
    }

    /** The project dashboard: the figures, the charts and the figures by worker group, read in one transaction. */
    public record ProjectDashboard(ProjectFigures figures, Map<String, Chart> charts, List<GroupFigures> groups) {
    }

    /**
     * The project's figures and charts, computed from its records now. The figures are not kept for
     * the overview: officials opening one project's dashboard at once would all wait on the lock of
     * its one kept row.
     */
    @Transactional(readOnly = true)
    public ProjectDashboard dashboard(SignedInUser viewer, long projectId) {
        Project project = projects.get(viewer, projectId);
        return new ProjectDashboard(figuresOf(List.of(project)).get(0), chartsOf(projectId),
                groupFigures(List.of(projectId), null, null));
    }

    /**
     * 重点群体 figures: for each configured group, in its order, the people of the group enrolled on
     * one of these projects, and the days and wages of released wage lines paid to them (as the
     * dashboard counts wages released: the view {@code released_wage}). {@code from} and
     * {@code to} (either may be null: no limit) choose the batches by the first day of their period,
     * and the enrollments by their start. A person of two groups counts in both.
     */
    @Transactional(readOnly = true)
    public List<GroupFigures> groupFigures(List<Long> projectIds, LocalDate from, LocalDate to) {
        Long[] ids = projectIds.toArray(Long[]::new);
        Date fromDate = from == null ? null : Date.valueOf(from);
        Date toDate = to == null ? null : Date.valueOf(to);
        Map<String, Long> people = new HashMap<>();
        jdbc.query("""
                select m.group_code, count(distinct e.worker_id) from enrollment_period e
                join worker_group m on m.worker_id = e.worker_id
                where e.project_id = any (?) and (?::date is null or e.enrolled_on <= ?)
                group by m.group_code
                """, rs -> {
            people.put(rs.getString(1), rs.getLong(2));
        }, ids, toDate, toDate);
        Map<String, BigDecimal[]> paid = new HashMap<>();
        jdbc.query("""
                select m.group_code, sum(l.days), sum(l.amount_payable) from released_wage l
                join worker_group m on m.worker_id = l.worker_id
                where l.project_id = any (?)
                  and (?::date is null or l.period_from >= ?) and (?::date is null or l.period_from <= ?)
                group by m.group_code
                """, rs -> {
            paid.put(rs.getString(1), new BigDecimal[] { rs.getBigDecimal(2), rs.getBigDecimal(3) });
        }, ids, fromDate, fromDate, toDate, toDate);
        List<GroupFigures> figures = new ArrayList<>();
        for (String code : workerGroups.codes()) {
            BigDecimal[] money = paid.getOrDefault(code, new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
            figures.add(new GroupFigures(code, people.getOrDefault(code, 0L), money[0], money[1]));
        }
        return figures;
    }

    /** One worker group's figures: people, person-days (released lines' days) and wages released to them. */
    public record GroupFigures(String code, long people, BigDecimal personDays, BigDecimal wages) {
    }

    private Map<String, Chart> chartsOf(long projectId) {
        Map<String, Chart> charts = new LinkedHashMap<>();
        // the last 60 days with sign-ins: a finished project still shows its construction
        charts.put("headcount", chart("line", """
                select work_date::text, present from (
                    select d.work_date, d.present from attendance_day_headcount d
                    where d.project_id = ? order by d.work_date desc limit ?) days
                order by work_date
                """, projectId, HEADCOUNT_CHART_DAYS));
        charts.put("remuneration", chart("bar", """
                select to_char(w.period_from, 'YYYY-MM'), sum(w.amount_payable) from released_wage w
                where w.project_id = ?
                group by 1 order by 1
                """, projectId));
        // everyone the project enrolled, as the figure above counts them: a finished project has ended every enrollment
        charts.put("teams", chart("bar", """
                select t.name, count(distinct e.worker_id) from enrollment_period e join team_day_rate t on t.id = e.team_id
                where e.project_id = ? group by t.id, t.name order by t.id
                """, projectId));
        charts.put("households", chart("pie", """
                select w.household_status, count(distinct w.id) from enrollment_period e join worker_household w on w.id = e.worker_id
                where e.project_id = ? group by w.household_status order by 1
                """, projectId));
        return charts;
    }

    private Chart chart(String kind, String sql, Object... args) {
        List<String> labels = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        jdbc.query(sql, rs -> {
            labels.add(rs.getString(1));
            values.add((Number) rs.getObject(2));
        }, args);
        return new Chart(kind, labels, values);
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
