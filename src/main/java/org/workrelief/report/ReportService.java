package org.workrelief.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.AccountService;
import org.workrelief.account.SignedInUser;
import org.workrelief.dashboard.DashboardService;
import org.workrelief.dashboard.DashboardService.GroupFigures;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.worker.WorkerGroups;
import org.workrelief.common.Percentages;

/**
 * 统计报表: the figures of the NDRC progress report for one project, one town's projects or the
 * county's, for a month or the year to date. 本期 figures are of the period; 累计 figures (and the people
 * taken on, trained, the share of central funds) run from the start to the period's end, so a report
 * of the current month shows what the dashboards show. Each figure is computed from the records as the
 * dashboards compute it (wages: released lines, the view {@code released_wage}).
 */
@Service
public class ReportService {

    /** Which projects the report covers. */
    public enum Scope {
        PROJECT, TOWN, COUNTY
    }

    /** One project's line of the report. */
    public record Line(Project project, String townName, BigDecimal totalInvestment, BigDecimal investmentInPeriod,
            BigDecimal investmentToDate, BigDecimal disbursedInPeriod, BigDecimal disbursedToDate, long people,
            long localPeople, Map<String, Long> peopleByGroup, BigDecimal personDaysInPeriod, BigDecimal personDaysToDate,
            BigDecimal wagesInPeriod, BigDecimal wagesToDate, long trained, long longTermJobs, long seasonalJobs,
            java.time.LocalDate assetsHandedOverOn, BigDecimal assetsValue) {

        /** Wages released to date as a share of central funds ({@link Percentages#of}). */
        public BigDecimal paidSharePercent() {
            return Percentages.of(wagesToDate, project.getCentralFunds());
        }
    }

    /** The sums of all lines; a person enrolled on two projects counts on each (as each project reports them). */
    public record Totals(BigDecimal totalInvestment, BigDecimal centralFunds, BigDecimal localFunds, BigDecimal otherFunds,
            BigDecimal investmentInPeriod, BigDecimal investmentToDate, BigDecimal disbursedInPeriod,
            BigDecimal disbursedToDate, long people, long localPeople, Map<String, Long> peopleByGroup,
            BigDecimal personDaysInPeriod, BigDecimal personDaysToDate, BigDecimal wagesInPeriod, BigDecimal wagesToDate,
            long trained, long longTermJobs, long seasonalJobs, BigDecimal assetsValue) {

        public BigDecimal paidSharePercent() {
            return Percentages.of(wagesToDate, centralFunds);
        }
    }

    /** The report: who it is of, the period, the lines, their totals, and the groups' figures in the period and to date. */
    public record Report(Scope scope, String unit, Period period, List<Line> lines, Totals totals,
            List<GroupFigures> groupsInPeriod, List<GroupFigures> groupsToDate) {
    }

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final AccountService accounts;
    private final DashboardService dashboards;
    private final WorkerGroups groups;

    ReportService(JdbcTemplate jdbc, ProjectService projects, AccountService accounts, DashboardService dashboards,
            WorkerGroups groups) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.accounts = accounts;
        this.dashboards = dashboards;
        this.groups = groups;
    }

    /**
     * The report of a scope the viewer may see: a project of their town (or any, at county level), their
     * own town (a county user: any town), the county (county level only). {@code id} is the project's
     * or the town's; projects that start after the period are left out.
     */
    @Transactional(readOnly = true)
    public Report report(SignedInUser viewer, Scope scope, Long id, Period period) {
        Map<Long, String> townNames = new HashMap<>();
        accounts.townsVisibleTo(viewer).forEach(town -> townNames.put(town.getId(), town.getName()));
        List<Project> covered;
        String unit;
        switch (scope) {
            case PROJECT -> {
                Project project = projects.get(viewer, id == null ? -1 : id);
                covered = List.of(project);
                unit = townNames.get(project.getTownId()) + " " + project.getName();
            }
            case TOWN -> {
                if (id == null || !townNames.containsKey(id)) {
                    throw new AccessDeniedException("town not visible");
                }
                covered = projects.visibleTo(viewer, Sort.by("code")).stream().filter(p -> id.equals(p.getTownId()))
                        .filter(p -> started(p, period)).toList();
                unit = townNames.get(id);
            }
            default -> {
                if (!viewer.isCountyLevel()) {
                    throw new AccessDeniedException("county report needs county level");
                }
                covered = projects.visibleTo(viewer, Sort.by("code")).stream().filter(p -> started(p, period)).toList();
                unit = null;
            }
        }
        List<Line> lines = lines(covered, townNames, period);
        List<Long> ids = covered.stream().map(Project::getId).toList();
        return new Report(scope, unit, period, lines, totals(lines),
                dashboards.groupFigures(ids, period.from(), period.to()), dashboards.groupFigures(ids, null, period.to()));
    }

    private static boolean started(Project project, Period period) {
        return project.getStartDate() == null || !project.getStartDate().isAfter(period.to());
    }

    private List<Line> lines(List<Project> covered, Map<Long, String> townNames, Period period) {
        if (covered.isEmpty()) {
            return List.of();
        }
        Long[] ids = covered.stream().map(Project::getId).toArray(Long[]::new);
        Date from = Date.valueOf(period.from());
        Date to = Date.valueOf(period.to());
        Map<Long, Map<String, Object>> rows = new HashMap<>();
        jdbc.queryForList("""
                select p.id,
                  (select coalesce(sum(g.investment_completed), 0) from project_progress g
                   where g.project_id = p.id and g.month between ? and ?) as investment_period,
                  (select coalesce(sum(g.investment_completed), 0) from project_progress g
                   where g.project_id = p.id and g.month <= ?) as investment_to_date,
                  (select coalesce(sum(g.funds_disbursed), 0) from project_progress g
                   where g.project_id = p.id and g.month between ? and ?) as disbursed_period,
                  (select coalesce(sum(g.funds_disbursed), 0) from project_progress g
                   where g.project_id = p.id and g.month <= ?) as disbursed_to_date,
                  (select count(distinct e.worker_id) from enrollment_period e
                   where e.project_id = p.id and e.enrolled_on <= ?) as people,
                  (select count(distinct e.worker_id) from enrollment_period e join worker_household w on w.id = e.worker_id
                   where e.project_id = p.id and e.enrolled_on <= ?
                     and w.village = any (regexp_split_to_array(p.villages, '[、,，;；[:space:]]+'))) as local_people,
                  r.days_period, r.days_to_date, r.wages_period, r.wages_to_date,
                  (select count(distinct a.worker_id) from training_attendance a
                   where a.project_id = p.id and a.held_on <= ?) as trained,
                  (select count(*) from operation_job_hire j where j.project_id = p.id and j.year = ? and j.kind = 'LONG_TERM') as long_term,
                  (select count(*) from operation_job_hire j where j.project_id = p.id and j.year = ? and j.kind = 'SEASONAL') as seasonal,
                  t.handed_over_on,
                  t.asset_value as assets
                from project_public_facts p
                left join project_handover t on t.project_id = p.id and t.handed_over_on <= ?
                cross join lateral (
                    select coalesce(sum(w.days) filter (where w.period_from between ? and ?), 0) as days_period,
                           coalesce(sum(w.days), 0) as days_to_date,
                           coalesce(sum(w.amount_payable) filter (where w.period_from between ? and ?), 0) as wages_period,
                           coalesce(sum(w.amount_payable), 0) as wages_to_date
                    from released_wage w where w.project_id = p.id and w.period_from <= ?) r
                where p.id = any (?)
                """, from, to, to, from, to, to, to, to, to, period.month().getYear(), period.month().getYear(), to,
                from, to, from, to, to, ids)
                .forEach(row -> rows.put(((Number) row.get("id")).longValue(), row));
        Map<Long, Map<String, Long>> byGroup = new HashMap<>();
        jdbc.query("""
                select e.project_id, m.group_code, count(distinct e.worker_id) from enrollment_period e
                join worker_group m on m.worker_id = e.worker_id
                where e.project_id = any (?) and e.enrolled_on <= ?
                group by e.project_id, m.group_code
                """, rs -> {
            byGroup.computeIfAbsent(rs.getLong(1), p -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
        }, ids, to);
        List<Line> lines = new ArrayList<>();
        for (Project project : covered) {
            Map<String, Object> row = rows.get(project.getId());
            Map<String, Long> people = new LinkedHashMap<>();
            for (String code : groups.codes()) {
                people.put(code, byGroup.getOrDefault(project.getId(), Map.of()).getOrDefault(code, 0L));
            }
            java.sql.Date handedOver = (java.sql.Date) row.get("handed_over_on");
            lines.add(new Line(project, townNames.get(project.getTownId()), project.totalInvestment(),
                    money(row, "investment_period"), money(row, "investment_to_date"), money(row, "disbursed_period"),
                    money(row, "disbursed_to_date"), count(row, "people"), count(row, "local_people"), people,
                    money(row, "days_period"), money(row, "days_to_date"), money(row, "wages_period"),
                    money(row, "wages_to_date"), count(row, "trained"), count(row, "long_term"), count(row, "seasonal"),
                    handedOver == null ? null : handedOver.toLocalDate(),
                    row.get("assets") == null ? null : (BigDecimal) row.get("assets")));
        }
        return lines;
    }

    private Totals totals(List<Line> lines) {
        Map<String, Long> people = new LinkedHashMap<>();
        groups.codes().forEach(code -> people.put(code,
                lines.stream().mapToLong(line -> line.peopleByGroup().getOrDefault(code, 0L)).sum()));
        return new Totals(sum(lines, Line::totalInvestment), sum(lines, l -> l.project().getCentralFunds()),
                sum(lines, l -> l.project().getLocalFunds()), sum(lines, l -> l.project().getSocialCapital()),
                sum(lines, Line::investmentInPeriod), sum(lines, Line::investmentToDate), sum(lines, Line::disbursedInPeriod),
                sum(lines, Line::disbursedToDate), lines.stream().mapToLong(Line::people).sum(),
                lines.stream().mapToLong(Line::localPeople).sum(), people, sum(lines, Line::personDaysInPeriod),
                sum(lines, Line::personDaysToDate), sum(lines, Line::wagesInPeriod), sum(lines, Line::wagesToDate),
                lines.stream().mapToLong(Line::trained).sum(), lines.stream().mapToLong(Line::longTermJobs).sum(),
                lines.stream().mapToLong(Line::seasonalJobs).sum(), sum(lines, Line::assetsValue));
    }

    private static BigDecimal sum(List<Line> lines, java.util.function.Function<Line, BigDecimal> figure) {
        return lines.stream().map(figure).map(ReportFigures::orZero).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal money(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? BigDecimal.ZERO : (BigDecimal) value;
    }

    private static long count(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
