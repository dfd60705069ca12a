package org.workrelief.supervision;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** Names this module's CommitteeMember records for the audit viewer, a page of them in one query. */
@Component
class CommitteeMemberAuditNames implements AuditRecordNames {

    private final JdbcTemplate jdbc;

    CommitteeMemberAuditNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String entityType() {
        return "CommitteeMember";
    }

    @Override
    public Map<String, RecordName> names(Collection<String> entityIds) {
        List<Long> ids = AuditRecordNames.numericIds(entityIds);
        Map<String, RecordName> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.query("select m.id, u.display_name from committee_member m join app_user u on u.id = m.user_id where m.id = any(?)", rs -> {
            names.put(rs.getString("id"), RecordName.of(rs.getString("display_name")));
        }, (Object) ids.toArray(Long[]::new));
        return names;
    }
}
