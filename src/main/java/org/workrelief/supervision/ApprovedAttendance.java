package org.workrelief.supervision;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
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
            from sign_in_record p
            join daily_review r on r.project_id = p.project_id and r.review_date = p.work_date and r.status = :approved
            where p.project_id = :projectId and p.work_date between :from and :to
              and not exists (select 1 from anomaly_decision d where d.review_id = r.id and d.decision = :rejected
                              and (cardinality(d.worker_ids) = 0 or p.worker_id = any (d.worker_ids)))
            group by p.worker_id, p.work_date
            """;

    private final JdbcClient jdbc;

    ApprovedAttendance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A worker's counted day: FULL or HALF. */
    public record CountedDay(long workerId, LocalDate day, DayStatus status) {
    }

    /** A worker's counted days in a period: full and half. */
    public record WorkerTotals(long workerId, int fullDays, int halfDays) {
    }

    /** A row of {@link #COUNTED_DAYS}. */
    private record Signs(long workerId, LocalDate workDate, int signs) {

        CountedDay counted() {
            return new CountedDay(workerId, workDate, signs >= 2 ? DayStatus.FULL : DayStatus.HALF);
        }
    }

    @Transactional(readOnly = true)
    public List<CountedDay> countedDays(long projectId, LocalDate from, LocalDate to) {
        return counted("select * from (" + COUNTED_DAYS + ") counted order by work_date, worker_id", projectId, from, to)
                .query(Signs.class).list().stream().map(Signs::counted).toList();
    }

    /** Per worker, the counted full and half days of the period, in one aggregate query. */
    @Transactional(readOnly = true)
    public List<WorkerTotals> totals(long projectId, LocalDate from, LocalDate to) {
        return counted("""
                select worker_id, count(*) filter (where signs >= 2) as full_days, count(*) filter (where signs = 1) as half_days
                from (%s) counted group by worker_id order by worker_id
                """.formatted(COUNTED_DAYS), projectId, from, to).query(WorkerTotals.class).list();
    }

    /** Whether one worker has a counted day in the period (a witness must have worked it). */
    @Transactional(readOnly = true)
    public boolean hasCountedDay(long projectId, LocalDate from, LocalDate to, long workerId) {
        return counted("select exists (select 1 from (" + COUNTED_DAYS + ") counted where worker_id = :workerId)", projectId,
                from, to).param("workerId", workerId).query(Boolean.class).single();
    }

    /** Days of the period with sign-ins but no approved review: a payout must wait for them. */
    @Transactional(readOnly = true)
    public List<LocalDate> unapprovedDays(long projectId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select d.work_date from worked_day d
                where d.project_id = :projectId and d.work_date between :from and :to
                  and not exists (select 1 from daily_review r where r.project_id = d.project_id
                                  and r.review_date = d.work_date and r.status = :approved)
                order by d.work_date
                """).param("projectId", projectId).param("from", from).param("to", to)
                .param("approved", ReviewStatus.APPROVED.name()).query(LocalDate.class).list();
    }

    /** A statement over {@link #COUNTED_DAYS}, its parameters bound. */
    private JdbcClient.StatementSpec counted(String sql, long projectId, LocalDate from, LocalDate to) {
        return jdbc.sql(sql).param("projectId", projectId).param("from", from).param("to", to)
                .param("approved", ReviewStatus.APPROVED.name()).param("rejected", Decision.REJECTED.name());
    }
}
