package org.workrelief.payout;

import java.math.BigDecimal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workrelief.project.ReleasedWages;

/** Wages released on a project: released and settled batches' lines, pending or paid (as the dashboards count them). */
@Component
class ProjectReleasedWages implements ReleasedWages {

    private final JdbcClient jdbc;

    ProjectReleasedWages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BigDecimal releasedWages(long projectId) {
        return jdbc.sql("""
                select coalesce(sum(w.amount_payable), 0) from released_wage w where w.project_id = :projectId
                """).param("projectId", projectId).query(BigDecimal.class).single();
    }
}
