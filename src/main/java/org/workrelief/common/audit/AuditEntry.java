package org.workrelief.common.audit;

import java.time.Instant;

/** One row of the audit log as read back; before and after are the JSON text that was stored. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType,
        String entityId, Long townId, Long projectId, String before, String after, String detail) {
}
