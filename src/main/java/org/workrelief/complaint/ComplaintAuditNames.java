package org.workrelief.complaint;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names complaints: by their number, with the worker they are about. */
@Component
class ComplaintAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return ComplaintService.ENTITY;
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, number as name, worker_id from complaint where id = any(?)""";
    }
}
