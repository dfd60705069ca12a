package org.workrelief.account;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's Town records. */
@Component
class TownAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "Town";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, name, null::bigint as worker_id from town where id = any(?)""";
    }
}
