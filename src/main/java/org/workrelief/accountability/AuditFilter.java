package org.workrelief.accountability;

import java.time.LocalDate;

/** What the audit viewer is asked for; every part optional. */
public record AuditFilter(Long projectId, String entityType, String entityId, String actor, LocalDate from,
        LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
