package org.workrelief.payout;

import java.math.BigDecimal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workrelief.project.ReleasedWages;

/** Wages released on a project: released and settled batches' lines, pending or paid (as the dashboards count them). */
@Component
class ProjectReleasedWages implements ReleasedWages {

    private final JdbcTemplate jdbc;

    ProjectReleasedWages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BigDecimal releasedWages(long projectId) {
        return jdbc.queryForObject("""
                select coalesce(sum(w.amount_payable), 0) from released_wage w where w.project_id = ?
                """, BigDecimal.class, projectId);
    }
}
