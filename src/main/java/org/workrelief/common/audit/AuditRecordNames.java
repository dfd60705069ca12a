package org.workrelief.common.audit;

/**
 * Names the records of one kind that the audit log refers to ({@link AuditEvent#entityType()}), so the
 * audit viewer can show "张三 JS000123" instead of "Worker 744". Each module names its own records with
 * its own query over its own tables; the viewer runs the queries of the kinds on a page together, as
 * one statement, so a page costs the same few statements whatever it shows.
 */
public interface AuditRecordNames {

    /** The entity type this names, as written to the log (e.g. {@code Worker}). */
    String entityType();

    /**
     * A query of the records whose id is in its one parameter (a {@code bigint[]}), with three columns:
     * {@code id} (text, as logged), {@code name} (text) and {@code worker_id} (bigint, the worker the
     * record is about, or null): the viewer puts that worker's name and code in front of the name.
     */
    String namesQuery();
}
