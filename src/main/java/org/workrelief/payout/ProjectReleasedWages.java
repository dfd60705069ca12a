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
                select coalesce(sum(l.amount_payable), 0) from payout_line l join payout_batch b on b.id = l.batch_id
                where b.project_id = ? and %s
                """.formatted(PayoutBatches.RELEASED_WAGES), BigDecimal.class, projectId);
    }
}
