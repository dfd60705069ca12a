package org.workrelief.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The safety measures the recorded checklist found not in place, as their message keys
     * ({@code review.safety.helmets} ...); none while the checks are not recorded.
     */
    public List<String> safetyProblems() {
        List<String> missing = new ArrayList<>();
        if (!checksRecorded()) {
            return missing;
        }
        if (!Boolean.TRUE.equals(helmets)) {
            missing.add("review.safety.helmets");
        }
        if (!Boolean.TRUE.equals(signage)) {
            missing.add("review.safety.signage");
        }
        if (!Boolean.TRUE.equals(slope)) {
            missing.add("review.safety.slope");
        }
        if (!Boolean.TRUE.equals(machinery)) {
            missing.add("review.safety.machinery");
        }
        return missing;
    }

    /** The recorded checks found a problem: quality 发现问题 or a safety measure not in place. */
    public boolean problemsFound() {
        return checksRecorded() && (quality == QualityResult.ISSUES || !safetyProblems().isEmpty());
    }
}
