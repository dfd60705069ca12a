package org.workrelief.asset;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** Names this module's TransferredAsset records for the audit viewer, a page of them in one query. */
@Component
class TransferredAssetAuditNames implements AuditRecordNames {

    private final JdbcTemplate jdbc;

    TransferredAssetAuditNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String entityType() {
        return "TransferredAsset";
    }

    @Override
    public Map<String, RecordName> names(Collection<String> entityIds) {
        List<Long> ids = AuditRecordNames.numericIds(entityIds);
        Map<String, RecordName> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.query("select id, name from transferred_asset where id = any(?)", rs -> {
            names.put(rs.getString("id"), RecordName.of(rs.getString("name")));
        }, (Object) ids.toArray(Long[]::new));
        return names;
    }
}
