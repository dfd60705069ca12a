package org.workrelief.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a sign-in: stored now ({@code created}) or already there (the first one stands),
 * with its day, slot and time as stored, and the review flags it carries.
 */
public record PunchResult(boolean created, long workerId, String workerName, LocalDate day, Slot slot,
        Instant punchedAt, boolean tooSoonAfterAm, boolean outsideWorksite) {

    public List<String> flags() {
        List<String> flags = new ArrayList<>();
        if (tooSoonAfterAm) {
            flags.add("PM_TOO_SOON");
        }
        if (outsideWorksite) {
            flags.add("OUTSIDE_WORKSITE");
        }
        return flags;
    }
}
