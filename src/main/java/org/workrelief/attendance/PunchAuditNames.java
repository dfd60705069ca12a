package org.workrelief.attendance;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's Punch records. */
@Component
class PunchAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "Punch";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, work_date || ' ' || slot as name, worker_id from punch where id = any(?)""";
    }
}
