package org.workrelief.common.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Names the records of one kind that the audit log refers to ({@link AuditEvent#entityType()}), so the
 * audit viewer can show "张三 JS000123" instead of "Worker 744". Each module names its own records
 * from its own tables, for a whole page of entity ids in one query; the viewer never reads another
 * module's tables.
 */
public interface AuditRecordNames {

    /** The entity type this names, as written to the log (e.g. {@code Worker}). */
    String entityType();

    /** The names of these records (entity ids as logged); ids that no longer resolve are left out. */
    Map<String, RecordName> names(Collection<String> entityIds);

    /**
     * A record's own name, and the worker it is about when there is one (an enrollment, a payout line):
     * the viewer puts that worker's name and code in front, named by the Worker kind.
     */
    record RecordName(String text, Long workerId) {

        public static RecordName of(String text) {
            return new RecordName(text, null);
        }

        public static RecordName ofWorker(long workerId, String text) {
            return new RecordName(text, workerId);
        }
    }

    /** The ids that are numbers (entity ids are text in the log; a few kinds use "project/day"). */
    static java.util.List<Long> numericIds(Collection<String> entityIds) {
        return entityIds.stream().filter(id -> id != null && id.matches("\\d{1,18}")).map(Long::valueOf).distinct().toList();
    }
}
