package org.workrelief.supervision;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** Names this module's DailyReview records for the audit viewer, a page of them in one query. */
@Component
class DailyReviewAuditNames implements AuditRecordNames {

    private final JdbcTemplate jdbc;

    DailyReviewAuditNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String entityType() {
        return "DailyReview";
    }

    @Override
    public Map<String, RecordName> names(Collection<String> entityIds) {
        List<Long> ids = AuditRecordNames.numericIds(entityIds);
        Map<String, RecordName> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.query("select id, review_date, round from daily_review where id = any(?)", rs -> {
            names.put(rs.getString("id"), RecordName.of(rs.getString("review_date") + (rs.getInt("round") > 1 ? " #" + rs.getInt("round") : "")));
        }, (Object) ids.toArray(Long[]::new));
        return names;
    }
}
