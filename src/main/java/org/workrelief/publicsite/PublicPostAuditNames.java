package org.workrelief.publicsite;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's PublicPost records. */
@Component
class PublicPostAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "PublicPost";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, title as name, null::bigint as worker_id from public_post where id = any(?)""";
    }
}
