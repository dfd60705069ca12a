package org.workrelief.arrears;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One arrears warning: which project and period (and batch, for the bank's warnings), the workers
 * affected (names, by pinyin order) and the amount owed; {@code dueBy} is the day it should have been
 * done by, {@code daysOverdue} how long ago that was. For NO_BATCH the amount is estimated from the
 * month's sign-ins at the workers' day rates.
 */
public record ArrearsWarning(ArrearsKind kind, long projectId, String projectCode, String projectName, String townName,
        LocalDate periodFrom, LocalDate periodTo, Long batchId, List<String> workers, BigDecimal amount, LocalDate dueBy,
        long daysOverdue) {

    public int workerCount() {
        return workers.size();
    }

    /** The first few names, for a line on a page (the XLSX lists all). */
    public List<String> firstWorkers(int count) {
        return workers.subList(0, Math.min(count, workers.size()));
    }
}
