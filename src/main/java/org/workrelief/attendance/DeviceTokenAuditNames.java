package org.workrelief.attendance;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's DeviceToken records. */
@Component
class DeviceTokenAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "DeviceToken";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, name, null::bigint as worker_id from device_token where id = any(?)""";
    }
}
