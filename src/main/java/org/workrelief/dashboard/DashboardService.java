package org.workrelief.dashboard;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.PageRequests;
import org.workrelief.project.Project;
import org.workrelief.payout.PayoutService;
import org.workrelief.project.ProjectService;

/**
 * The figures and charts of the project dashboard and the town overview, read straight from the
 * records (enrollments, sign-ins, released payout lines, training attendees, reviews).
 */
@Service
public class DashboardService {

    static final int LATE_PAYMENT_DAYS = 30;
    static final int HEADCOUNT_CHART_DAYS = 60;

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final Clock clock;

    DashboardService(JdbcTemplate jdbc, ProjectService projects, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ProjectFigures figures(SignedInUser viewer, long projectId) {
        return figuresOf(List.of(projects.get(viewer, projectId))).get(0);
    }

    /** Every project the viewer may see (their town, or all towns at county level), with its figures. */
    @Transactional(readOnly = true)
    public List<ProjectFigures> overview(SignedInUser viewer) {
        List<Project> visible = new ArrayList<>();
        org.springframework.data.domain.Page<Project> page;
        int number = 0;
        do {
            page = projects.search(viewer, "", null, PageRequests.of(number++, PageRequests.MAX_SIZE, Sort.by("code")));
            visible.addAll(page.getContent());
        }
        while (page.hasNext());
        return figuresOf(visible);
    }

    private List<ProjectFigures> figuresOf(List<Project> list) {
        LocalDate today = LocalDate.now(clock);
        List<ProjectFigures> figures = new ArrayList<>();
        for (Project project : list) {
            Map<String, Object> row = jdbc.queryForMap("""
                    select (select count(distinct worker_id) from enrollment where project_id = ?) as enrolled,
                           (select coalesce(round(avg(present), 1), 0) from (select count(distinct worker_id) as present
                                from punch where project_id = ? group by work_date) d) as average_headcount,
                           (select count(distinct worker_id) from punch where project_id = ? and work_date = ?) as today,
                           (select coalesce(sum(l.amount_payable), 0) from payout_line l join payout_batch b on b.id = l.batch_id
                            where b.project_id = ? and %1$s) as released,
                           (select count(distinct l.worker_id) from payout_line l join payout_batch b on b.id = l.batch_id
                            where b.project_id = ? and %1$s) as paid,
                           (select count(distinct a.worker_id) from training_attendee a
                            join training_session s on s.id = a.session_id where s.project_id = ?) as trained,
                           (select count(*) from (select distinct work_date from punch where project_id = ? and work_date < ?) d
                            where not exists (select 1 from daily_review r where r.project_id = ? and r.review_date = d.work_date
                                              and r.status = 'APPROVED')) as overdue,
                           (select count(*) from payout_line l join payout_batch b on b.id = l.batch_id
                            where b.project_id = ? and l.status in ('PENDING', 'FAILED') and b.period_to < ?) as late
                    """.formatted(PayoutService.RELEASED_WAGES), project.getId(), project.getId(), project.getId(),
                    Date.valueOf(today), project.getId(),
                    project.getId(), project.getId(), project.getId(), Date.valueOf(today), project.getId(), project.getId(),
                    Date.valueOf(today.minusDays(LATE_PAYMENT_DAYS)));
            figures.add(new ProjectFigures(project, number(row, "enrolled"), (BigDecimal) row.get("average_headcount"),
                    number(row, "today"), (BigDecimal) row.get("released"), number(row, "paid"), number(row, "trained"),
                    number(row, "overdue"), number(row, "late"), today, projects.shareThresholdPercent()));
        }
        return figures;
    }

    /** A chart's data: labels and values, drawn by the page's script with ECharts. */
    public record Chart(String kind, List<String> labels, List<Number> values) {
    }

    @Transactional(readOnly = true)
    public Map<String, Chart> charts(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        Map<String, Chart> charts = new LinkedHashMap<>();
        // the last 60 days with sign-ins: a finished project still shows its construction
        charts.put("headcount", chart("line", """
                select work_date::text, present from (
                    select work_date, count(distinct worker_id) as present from punch where project_id = ?
                    group by work_date order by work_date desc limit ?) d
                order by work_date
                """, projectId, HEADCOUNT_CHART_DAYS));
        charts.put("remuneration", chart("bar", """
                select to_char(b.period_from, 'YYYY-MM'), sum(l.amount_payable) from payout_line l
                join payout_batch b on b.id = l.batch_id
                where b.project_id = ? and %1$s
                group by 1 order by 1
                """.formatted(PayoutService.RELEASED_WAGES), projectId));
        // everyone the project enrolled, as the figure above counts them: a finished project has ended every enrollment
        charts.put("teams", chart("bar", """
                select t.name, count(distinct e.worker_id) from enrollment e join work_team t on t.id = e.team_id
                where e.project_id = ? group by t.id, t.name order by t.id
                """, projectId));
        charts.put("households", chart("pie", """
                select w.household_status, count(distinct w.id) from enrollment e join worker w on w.id = e.worker_id
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
