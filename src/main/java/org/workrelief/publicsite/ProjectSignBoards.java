package org.workrelief.publicsite;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.Percentages;

/**
 * 项目公示牌 (issue 20 §6): what the sign board on site and the project's public page show, read by the
 * project's public code, with nothing personal in it: the project's own facts (name, scale and content, funds
 * by source, implementing entity, builder, period, plan, the supervising office and its phone) and, once the
 * project is completed, the 资金使用公告 computed from the records (wages released, people paid, days paid,
 * people trained).
 */
@Service
public class ProjectSignBoards {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProjectSignBoards(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The board of one project: its facts as entered, and the figures to date. */
    public record SignBoard(long townId, String townName, String code, String name, String villages, String location,
            String scaleContent, String entityName, String builderName, String supervisionUnit, String supervisionPhone,
            String status, BigDecimal centralFunds, BigDecimal localFunds, BigDecimal socialCapital,
            BigDecimal plannedRemuneration, int plannedWorkers, LocalDate startDate, LocalDate plannedCompletion,
            LocalDate actualCompletion, long enrolled, FundUse fundUse) {

        /** 总投资: the three sources together. */
        public BigDecimal totalInvestment() {
            return org.workrelief.project.Project.totalInvestment(centralFunds, localFunds, socialCapital);
        }

        /** Planned remuneration as a share of central funds, in percent with one decimal; null without central funds. */
        public BigDecimal plannedSharePercent() {
            return Percentages.of(plannedRemuneration, centralFunds);
        }

        /** The 资金使用公告 is published once the project is completed (and stays while it operates). */
        public boolean finished() {
            return "COMPLETED".equals(status) || "OPERATING".equals(status);
        }
    }

    /**
     * 资金使用公告: the funds by source (on the board) and what the records say was spent on labour: wages
     * released and not failed (the view {@code released_wage}), the people and days they paid, and the
     * people trained; as of {@code asOf}.
     */
    public record FundUse(BigDecimal released, long paidWorkers, BigDecimal paidDays, long trained, LocalDate asOf,
            BigDecimal centralFunds, BigDecimal plannedRemuneration) {

        /** 劳务报酬实际发放占中央资金比例, in percent with one decimal; null without central funds. */
        public BigDecimal paidSharePercent() {
            return Percentages.of(released, centralFunds);
        }

        /** Released as a share of the planned remuneration, in percent with one decimal. */
        public BigDecimal releasedOfPlanPercent() {
            return Percentages.of(released, plannedRemuneration);
        }

        /** 人均劳务报酬: released ÷ people paid, to the fen; null when nobody was paid. */
        public BigDecimal averagePerWorker() {
            return paidWorkers == 0 ? null : released.divide(BigDecimal.valueOf(paidWorkers), 2, RoundingMode.HALF_UP);
        }
    }

    /** The board of the project with this public code (any case), for anyone; "not found" for an unknown code. */
    @Transactional(readOnly = true)
    public SignBoard of(String code) {
        String normalized = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        return jdbc.query("""
                select p.id, p.town_id, t.name as town_name, p.code, p.name, p.villages, p.location, p.scale_content,
                       p.entity_name, p.builder_name, p.supervision_unit, p.supervision_phone, p.status,
                       p.central_funds, p.local_funds, p.social_capital, p.planned_remuneration, p.planned_workers,
                       p.start_date, p.planned_completion, p.actual_completion,
                       (select count(distinct e.worker_id) from enrollment_period e where e.project_id = p.id) as enrolled,
                       r.released, r.paid_workers, r.paid_days,
                       (select count(distinct a.worker_id) from training_attendance a where a.project_id = p.id) as trained
                from project_public_facts p join town_setting t on t.id = p.town_id
                left join lateral (
                    select coalesce(sum(w.amount_payable), 0) as released, count(distinct w.worker_id) as paid_workers,
                           coalesce(sum(w.days), 0) as paid_days
                    from released_wage w where w.project_id = p.id) r on true
                where p.code = ?
                """, this::toBoard, normalized).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Project", normalized));
    }

    private SignBoard toBoard(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        BigDecimal central = rs.getBigDecimal("central_funds");
        BigDecimal planned = rs.getBigDecimal("planned_remuneration");
        boolean finished = "COMPLETED".equals(status) || "OPERATING".equals(status);
        FundUse fundUse = finished ? new FundUse(rs.getBigDecimal("released").setScale(2, RoundingMode.UNNECESSARY),
                rs.getLong("paid_workers"), rs.getBigDecimal("paid_days").setScale(1, RoundingMode.UNNECESSARY),
                rs.getLong("trained"), LocalDate.now(clock), central, planned) : null;
        return new SignBoard(rs.getLong("town_id"), rs.getString("town_name"), rs.getString("code"), rs.getString("name"),
                rs.getString("villages"), rs.getString("location"), rs.getString("scale_content"),
                rs.getString("entity_name"), rs.getString("builder_name"), rs.getString("supervision_unit"),
                rs.getString("supervision_phone"), status, central, rs.getBigDecimal("local_funds"),
                rs.getBigDecimal("social_capital"), planned, rs.getInt("planned_workers"), date(rs, "start_date"),
                date(rs, "planned_completion"), date(rs, "actual_completion"), rs.getLong("enrolled"), fundUse);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getDate(column) == null ? null : rs.getDate(column).toLocalDate();
    }
}
