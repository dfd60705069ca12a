package org.workrelief.common.audit;

/**
 * What is written to the audit log. {@code before} and {@code after} are any objects that serialise
 * to JSON (a record or a map of the fields that matter); never put a plain ID or bank number in them.
 */
public record AuditEvent(String action, String entityType, String entityId, Long townId, Object before,
        Object after, String detail) {

    public static AuditEvent of(String action, String entityType, Object entityId) {
        return new AuditEvent(action, entityType, entityId == null ? null : String.valueOf(entityId), null,
                null, null, null);
    }

    public AuditEvent inTown(Long town) {
        return new AuditEvent(action, entityType, entityId, town, before, after, detail);
    }

    public AuditEvent change(Object beforeState, Object afterState) {
        return new AuditEvent(action, entityType, entityId, townId, beforeState, afterState, detail);
    }

    public AuditEvent detail(String text) {
        return new AuditEvent(action, entityType, entityId, townId, before, after, text);
    }
}
