package org.workrelief.project;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's Project records. */
@Component
class ProjectAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "Project";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, code || ' ' || name as name, null::bigint as worker_id from project where id = any(?)""";
    }
}
