package org.workrelief.payout;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workrelief.supervision.PaidDays;

/** A day lies in an approved, released or settled batch: its wages were decided on it. */
@Component
class BatchPaidDays implements PaidDays {

    private final JdbcClient jdbc;

    BatchPaidDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean inApprovedBatch(long projectId, LocalDate day) {
        return jdbc.sql("""
                select exists (select 1 from payout_batch where project_id = :projectId and :day between period_from and period_to
                               and status in (:approved, :released, :settled))
                """).param("projectId", projectId).param("day", day).param("approved", BatchStatus.APPROVED.name())
                .param("released", BatchStatus.RELEASED.name()).param("settled", BatchStatus.SETTLED.name())
                .query(Boolean.class).single();
    }
}
