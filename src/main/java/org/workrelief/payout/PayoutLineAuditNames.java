package org.workrelief.payout;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** Names this module's PayoutLine records for the audit viewer, a page of them in one query. */
@Component
class PayoutLineAuditNames implements AuditRecordNames {

    private final JdbcTemplate jdbc;

    PayoutLineAuditNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String entityType() {
        return "PayoutLine";
    }

    @Override
    public Map<String, RecordName> names(Collection<String> entityIds) {
        List<Long> ids = AuditRecordNames.numericIds(entityIds);
        Map<String, RecordName> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.query("select l.id, l.worker_id, b.period_from, b.period_to from payout_line l join payout_batch b on b.id = l.batch_id where l.id = any(?)", rs -> {
            names.put(rs.getString("id"), RecordName.ofWorker(rs.getLong("worker_id"), rs.getString("period_from") + " ~ " + rs.getString("period_to")));
        }, (Object) ids.toArray(Long[]::new));
        return names;
    }
}
