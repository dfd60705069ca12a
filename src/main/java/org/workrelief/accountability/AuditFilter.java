package org.workrelief.accountability;

import java.time.LocalDate;

/**
 * What the audit viewer is asked for; every part optional. Sign-ins are left out unless asked for
 * ({@code includeSignIns}, or a sign-in chosen as the operation).
 */
public record AuditFilter(Long projectId, String entityType, String entityId, String actor, LocalDate from,
        LocalDate to, String action, boolean includeSignIns) {

    public AuditFilter(Long projectId, String entityType, String entityId, String actor, LocalDate from, LocalDate to) {
        this(projectId, entityType, entityId, actor, from, to, null, false);
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
