package org.workrelief.worker;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's Enrollment records. */
@Component
class EnrollmentAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "Enrollment";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, null::text as name, worker_id from enrollment where id = any(?)""";
    }
}
