package org.workrelief.payout;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's PayoutLine records. */
@Component
class PayoutLineAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "PayoutLine";
    }

    @Override
    public String namesQuery() {
        return """
                select l.id::text as id, b.period_from || ' ~ ' || b.period_to as name, l.worker_id from payout_line l join payout_batch b on b.id = l.batch_id where l.id = any(?)""";
    }
}
