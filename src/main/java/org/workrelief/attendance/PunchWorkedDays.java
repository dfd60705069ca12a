package org.workrelief.attendance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workrelief.worker.WorkedDays;

/** The registry's question about a worker's sign-ins, answered from the punches (index on worker and day). */
@Component
class PunchWorkedDays implements WorkedDays {

    private final JdbcTemplate jdbc;

    PunchWorkedDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LocalDate> lastSignInDay(long projectId, long workerId) {
        Date last = jdbc.queryForObject("select max(work_date) from punch where worker_id = ? and project_id = ?",
                Date.class, workerId, projectId);
        return Optional.ofNullable(last).map(Date::toLocalDate);
    }
}
