package org.workrelief.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * What the daily review sees of a project's day: who signed in (present, of whom full and half
 * days), the previous working day's head-count, and every anomaly the committee must decide on.
 */
public record DayFindings(LocalDate day, int present, int full, int half, LocalDate previousDay, int previousPresent,
        List<Anomaly> anomalies) {
}
