package org.workrelief.common.audit;

/**
 * What is written to the audit log. {@code before} and {@code after} are any objects that serialise
 * to JSON (a record or a map of the fields that matter); never put a plain ID or bank number in them.
 * The town scopes who may read the row; the project lets the audit viewer filter by project.
 */
public record AuditEvent(String action, String entityType, String entityId, Long townId, Long projectId,
        Object before, Object after, String detail) {

    public static AuditEvent of(String action, String entityType, Object entityId) {
        return new AuditEvent(action, entityType, entityId == null ? null : String.valueOf(entityId), null, null,
                null, null, null);
    }

    public AuditEvent inTown(Long town) {
        return new AuditEvent(action, entityType, entityId, town, projectId, before, after, detail);
    }

    /** The project the change belongs to (and the project's town). */
    public AuditEvent inProject(Long project, Long town) {
        return new AuditEvent(action, entityType, entityId, town, project, before, after, detail);
    }

    public AuditEvent change(Object beforeState, Object afterState) {
        return new AuditEvent(action, entityType, entityId, townId, projectId, beforeState, afterState, detail);
    }

    public AuditEvent detail(String text) {
        return new AuditEvent(action, entityType, entityId, townId, projectId, before, after, text);
    }
}
