package org.workrelief.supervision;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's DailyReview records. */
@Component
class DailyReviewAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "DailyReview";
    }

    @Override
    public String namesQuery() {
        return """
                select id::text as id, review_date || case when round > 1 then ' #' || round else '' end as name, null::bigint as worker_id from daily_review where id = any(?)""";
    }
}
