package org.workrelief.complaint;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workrelief.payout.OpenComplaints;

/** The release gate's question about a batch's complaints, answered from this module's table. */
@Component
class OpenComplaintsQuery implements OpenComplaints {

    private final JdbcTemplate jdbc;

    OpenComplaintsQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int openOn(long batchId) {
        Integer open = jdbc.queryForObject(
                "select count(*) from complaint where batch_id = ? and status in ('ACCEPTED', 'IN_PROGRESS')",
                Integer.class, batchId);
        return open == null ? 0 : open;
    }

    @Override
    public boolean handledBy(long batchId, String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from complaint where batch_id = ? and (created_by = ? or answered_by = ?))
                """, Boolean.class, batchId, username, username));
    }
}
