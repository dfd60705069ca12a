package org.workrelief.worker;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's Worker records. */
@Component
class WorkerAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "Worker";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, name || ' ' || worker_code as name, null::bigint as worker_id from worker where id = any(?)""";
    }
}
