package org.workrelief.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** Names this module's User records for the audit viewer, a page of them in one query. */
@Component
class UserAuditNames implements AuditRecordNames {

    private final JdbcTemplate jdbc;

    UserAuditNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String entityType() {
        return "User";
    }

    @Override
    public Map<String, RecordName> names(Collection<String> entityIds) {
        List<Long> ids = AuditRecordNames.numericIds(entityIds);
        Map<String, RecordName> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.query("select id, display_name from app_user where id = any(?)", rs -> {
            names.put(rs.getString("id"), RecordName.of(rs.getString("display_name")));
        }, (Object) ids.toArray(Long[]::new));
        return names;
    }
}
