package org.workrelief.payout;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's ConfirmationSheet records. */
@Component
class ConfirmationSheetAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "ConfirmationSheet";
    }

    @Override
    public String namesQuery() {
        return """
                select s.id::text as id, b.period_from || ' ~ ' || b.period_to || ' · ' || t.name as name, null::bigint as worker_id from confirmation_sheet s join payout_batch b on b.id = s.batch_id join team_day_rate t on t.id = s.team_id where s.id = any(?)""";
    }
}
