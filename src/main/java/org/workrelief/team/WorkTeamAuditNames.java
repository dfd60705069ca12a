package org.workrelief.team;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's WorkTeam records. */
@Component
class WorkTeamAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "WorkTeam";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, name, null::bigint as worker_id from work_team where id = any(?)""";
    }
}
