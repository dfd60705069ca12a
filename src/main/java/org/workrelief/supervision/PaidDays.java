package org.workrelief.supervision;

import java.time.LocalDate;

/**
 * Whether a project's day has already been paid on, as the payout module answers (it implements
 * this, so the dependency points the right way). A day in an approved, released or settled batch
 * cannot be corrected any more: its wages were decided on it.
 */
public interface PaidDays {

    boolean inApprovedBatch(long projectId, LocalDate day);
}
