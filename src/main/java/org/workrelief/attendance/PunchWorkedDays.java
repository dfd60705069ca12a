package org.workrelief.attendance;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workrelief.worker.WorkedDays;

/** The registry's question about a worker's sign-ins, answered from the punches (index on worker and day). */
@Component
class PunchWorkedDays implements WorkedDays {

    private final JdbcClient jdbc;

    PunchWorkedDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LocalDate> lastSignInDay(long projectId, long workerId) {
        return jdbc.sql("select max(work_date) from punch where worker_id = :workerId and project_id = :projectId")
                .param("workerId", workerId).param("projectId", projectId).query(LocalDate.class).optional();
    }
}
