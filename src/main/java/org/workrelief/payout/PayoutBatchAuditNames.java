package org.workrelief.payout;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** Names this module's PayoutBatch records for the audit viewer, a page of them in one query. */
@Component
class PayoutBatchAuditNames implements AuditRecordNames {

    private final JdbcTemplate jdbc;

    PayoutBatchAuditNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String entityType() {
        return "PayoutBatch";
    }

    @Override
    public Map<String, RecordName> names(Collection<String> entityIds) {
        List<Long> ids = AuditRecordNames.numericIds(entityIds);
        Map<String, RecordName> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.query("select id, period_from, period_to from payout_batch where id = any(?)", rs -> {
            names.put(rs.getString("id"), RecordName.of(rs.getString("period_from") + " ~ " + rs.getString("period_to")));
        }, (Object) ids.toArray(Long[]::new));
        return names;
    }
}
