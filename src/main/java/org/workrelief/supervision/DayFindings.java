package org.workrelief.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * What the daily review sees of a project's day: who signed in (present, of whom full and half
 * days), the previous working day's head-count, every anomaly the committee must decide on, and
 * findings shown for information only (kinds that are not {@link AnomalyKind#blocking()}).
 */
public record DayFindings(LocalDate day, int present, int full, int half, LocalDate previousDay, int previousPresent,
        List<Anomaly> anomalies, List<Anomaly> information) {

    public DayFindings {
        anomalies = List.copyOf(anomalies);
        information = List.copyOf(information);
    }
}
