package org.workrelief.asset;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's TransferredAsset records. */
@Component
class TransferredAssetAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "TransferredAsset";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, name, null::bigint as worker_id from transferred_asset where id = any(?)""";
    }
}
