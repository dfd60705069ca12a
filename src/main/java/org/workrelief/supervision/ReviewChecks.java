package org.workrelief.supervision;

import java.io.Serializable;

/**
 * The quality check (合格 / 发现问题, notes) and the safety checklist of a review, as entered. A
 * safety box left unticked is a measure not in place: a browser sends nothing for it, so an absent
 * box binds as null and counts as false (a primitive boolean would fail to bind and refuse the save).
 * The rules (quality chosen, notes at most {@link #MAX_NOTES} characters) are the service's.
 * Serializable: a refused save carries what was typed back to the form in the (JDBC) session's flash.
 */
public record ReviewChecks(QualityResult quality, String qualityNotes, Boolean helmets, Boolean signage, Boolean slope,
        Boolean machinery, String safetyNotes, long version) implements Serializable {

    public static final int MAX_NOTES = 1000;

    public ReviewChecks {
        helmets = Boolean.TRUE.equals(helmets);
        signage = Boolean.TRUE.equals(signage);
        slope = Boolean.TRUE.equals(slope);
        machinery = Boolean.TRUE.equals(machinery);
    }

    /** The checks as last recorded on the review (unticked where nothing is recorded yet). */
    public static ReviewChecks of(DailyReview review) {
        return new ReviewChecks(review.quality(), review.qualityNotes(), review.helmets(), review.signage(),
                review.slope(), review.machinery(), review.safetyNotes(), review.version());
    }
}
