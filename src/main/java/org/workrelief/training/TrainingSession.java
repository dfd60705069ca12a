package org.workrelief.training;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One course held for a project's workers, with how many attended. */
public record TrainingSession(long id, long projectId, String title, TrainingKind kind, String trainer, LocalDate heldOn,
        BigDecimal hours, String place, int attendees, long version) {
}
