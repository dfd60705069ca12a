package org.workrelief.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** One round of a day's review as stored: the checks, who opened and approved it, and a correction if any. */
public record DailyReview(long id, long projectId, LocalDate day, int round, ReviewStatus status, String openedBy,
        Instant openedAt, QualityResult quality, String qualityNotes, Boolean helmets, Boolean signage, Boolean slope,
        Boolean machinery, String safetyNotes, String approvedBy, Instant approvedAt, String reopenedBy,
        Instant reopenedAt, String reopenReason, long version) {

    public boolean open() {
        return status == ReviewStatus.OPEN;
    }

    /** Both checks recorded: the quality result and the safety checklist. */
    public boolean checksRecorded() {
        return quality != null && helmets != null;
    }
}
