package org.workrelief.payout;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's PayoutBatch records. */
@Component
class PayoutBatchAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "PayoutBatch";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, period_from || ' ~ ' || period_to as name, null::bigint as worker_id from payout_batch where id = any(?)""";
    }
}
