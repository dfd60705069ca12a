package org.workrelief.training;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A session as entered. */
public record TrainingForm(String title, TrainingKind kind, String trainer, LocalDate heldOn, BigDecimal hours,
        String place) {
}
