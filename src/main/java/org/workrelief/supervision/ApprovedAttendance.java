package org.workrelief.supervision;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.attendance.DayStatus;

/**
 * The attendance that may be paid (rule 7): sign-ins of days the committee approved, less the
 * workers' days (or whole days) whose anomalies it rejected.
 */
@Service
public class ApprovedAttendance {

    /** Each worker's counted days of a project between two dates, with the number of sign-ins (1 or 2). */
    private static final String COUNTED_DAYS = """
            select p.worker_id, p.work_date, count(*) as signs
            from punch p
            join daily_review r on r.project_id = p.project_id and r.review_date = p.work_date and r.status = 'APPROVED'
            where p.project_id = ? and p.work_date between ? and ?
              and not exists (select 1 from anomaly_decision d where d.review_id = r.id and d.decision = 'REJECTED'
                              and (cardinality(d.worker_ids) = 0 or p.worker_id = any (d.worker_ids)))
            group by p.worker_id, p.work_date
            """;

    private final JdbcTemplate jdbc;

    ApprovedAttendance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A worker's counted day: FULL or HALF. */
    public record CountedDay(long workerId, LocalDate day, DayStatus status) {
    }

    /** A worker's counted days in a period: full and half. */
    public record WorkerTotals(long workerId, int fullDays, int halfDays) {
    }

    @Transactional(readOnly = true)
    public List<CountedDay> countedDays(long projectId, LocalDate from, LocalDate to) {
        return jdbc.query("select * from (" + COUNTED_DAYS + ") counted order by work_date, worker_id",
                (rs, i) -> new CountedDay(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        rs.getInt(3) >= 2 ? DayStatus.FULL : DayStatus.HALF),
                projectId, Date.valueOf(from), Date.valueOf(to));
    }

    /** Per worker, the counted full and half days of the period, in one aggregate query. */
    @Transactional(readOnly = true)
    public List<WorkerTotals> totals(long projectId, LocalDate from, LocalDate to) {
        return jdbc.query("select worker_id, count(*) filter (where signs >= 2), count(*) filter (where signs = 1) from ("
                + COUNTED_DAYS + ") counted group by worker_id order by worker_id",
                (rs, i) -> new WorkerTotals(rs.getLong(1), rs.getInt(2), rs.getInt(3)), projectId, Date.valueOf(from),
                Date.valueOf(to));
    }

    /** Whether one worker has a counted day in the period (a witness must have worked it). */
    @Transactional(readOnly = true)
    public boolean hasCountedDay(long projectId, LocalDate from, LocalDate to, long workerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from (" + COUNTED_DAYS
                + ") counted where worker_id = ?)", Boolean.class, projectId, Date.valueOf(from), Date.valueOf(to), workerId));
    }

    /** Days of the period with sign-ins but no approved review: a payout must wait for them. */
    @Transactional(readOnly = true)
    public List<LocalDate> unapprovedDays(long projectId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select d.work_date from attendance_day d
                where d.project_id = ? and d.work_date between ? and ?
                  and not exists (select 1 from daily_review r where r.project_id = d.project_id
                                  and r.review_date = d.work_date and r.status = 'APPROVED')
                order by d.work_date
                """, (rs, i) -> rs.getDate(1).toLocalDate(), projectId, Date.valueOf(from), Date.valueOf(to));
    }
}
