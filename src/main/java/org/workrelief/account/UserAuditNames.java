package org.workrelief.account;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's User records. */
@Component
class UserAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "User";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, display_name as name, null::bigint as worker_id from app_user where id = any(?)""";
    }
}
