package org.workrelief.complaint;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names a town's 维权信息告示牌: by its hotline. */
@Component
class ComplaintBoardAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return ComplaintBoards.ENTITY;
    }

    @Override
    public String namesQuery() {
        return """
                select town_id::text as id, hotline as name, null::bigint as worker_id from complaint_board where town_id = any(?)""";
    }
}
