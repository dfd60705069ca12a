package org.workrelief.supervision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The quality check (合格 / 发现问题, notes) and the safety checklist of a review, as entered. */
public record ReviewChecks(@NotNull(message = "{review.quality.required}") QualityResult quality,
        @Size(max = 1000) String qualityNotes, boolean helmets, boolean signage, boolean slope, boolean machinery,
        @Size(max = 1000) String safetyNotes, long version) {
}
