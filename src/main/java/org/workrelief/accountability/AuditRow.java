package org.workrelief.accountability;

import java.util.List;

import org.workrelief.common.audit.AuditEntry;

/**
 * One audit entry as a clerk reads it: who (their name), the record's own name (a worker's name and
 * code, a batch's period and project ...) and the fields that changed, each from its old value to its
 * new one, and the detail, both in the page's language (a code by its label, money as money, a worker by
 * name). The operation and record kind stay codes here; the page labels them in its language.
 */
public record AuditRow(AuditEntry entry, String actorName, String recordName, List<FieldChange> changes, String detail) {

    /** A changed field: its name as logged (labelled by {@code audit.field.<name>}), before and after as readable text. */
    public record FieldChange(String field, String before, String after) {
    }
}
