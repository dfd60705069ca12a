package org.workrelief.payout;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workrelief.supervision.PaidDays;

/** A day lies in an approved, released or settled batch: its wages were decided on it. */
@Component
class BatchPaidDays implements PaidDays {

    private final JdbcTemplate jdbc;

    BatchPaidDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean inApprovedBatch(long projectId, LocalDate day) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from payout_batch where project_id = ? and ? between period_from and period_to
                               and status in ('APPROVED', 'RELEASED', 'SETTLED'))
                """, Boolean.class, projectId, Date.valueOf(day)));
    }
}
