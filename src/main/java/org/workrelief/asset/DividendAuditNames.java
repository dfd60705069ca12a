package org.workrelief.asset;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's Dividend records. */
@Component
class DividendAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "Dividend";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, year::text as name, null::bigint as worker_id from dividend where id = any(?)""";
    }
}
