package org.workrelief.supervision;

import org.springframework.stereotype.Component;
import org.workrelief.common.audit.AuditRecordNames;

/** How the audit viewer names this module's CommitteeMember records. */
@Component
class CommitteeMemberAuditNames implements AuditRecordNames {

    @Override
    public String entityType() {
        return "CommitteeMember";
    }

    @Override
    public String namesQuery() {
        return """
                select m.id::text as id, u.display_name as name, null::bigint as worker_id from committee_member m join user_account_name u on u.id = m.user_id where m.id = any(?)""";
    }
}
