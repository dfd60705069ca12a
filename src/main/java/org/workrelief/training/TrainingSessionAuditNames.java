package org.workrelief.training;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's TrainingSession records. */
@Component
class TrainingSessionAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "TrainingSession";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, title as name, null::bigint as worker_id from training_session where id = any(?)""";
    }
}
