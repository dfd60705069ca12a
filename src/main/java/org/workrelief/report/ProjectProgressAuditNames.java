package org.workrelief.report;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names the monthly progress figures: the project's code and the month. */
@Component
class ProjectProgressAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return ProgressService.ENTITY;
    }

    @Override
    public String namesQuery() {
        return """
                select g.id::text as id, p.code || ' ' || to_char(g.month, 'YYYY-MM') as name, null::bigint as worker_id
                from project_progress g join project_name p on p.id = g.project_id where g.id = any(?)""";
    }
}
