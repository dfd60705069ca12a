package org.workrelief.attendance;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

/**
 * A project's sign-in windows (defaults AM 05:00-12:00, PM 12:00-21:00, in the project's zone) and
 * the shortest believable gap between a worker's AM and PM sign-ins (default 4 hours).
 */
public record SlotWindows(LocalTime amStart, LocalTime amEnd, LocalTime pmStart, LocalTime pmEnd, Duration minGap) {

    public static final SlotWindows DEFAULT = new SlotWindows(LocalTime.of(5, 0), LocalTime.of(12, 0),
            LocalTime.of(12, 0), LocalTime.of(21, 0), Duration.ofHours(4));

    /** The slot a local time falls in: start inclusive, end exclusive; none outside both windows. */
    public Optional<Slot> slotAt(LocalTime time) {
        if (!time.isBefore(amStart) && time.isBefore(amEnd)) {
            return Optional.of(Slot.AM);
        }
        if (!time.isBefore(pmStart) && time.isBefore(pmEnd)) {
            return Optional.of(Slot.PM);
        }
        return Optional.empty();
    }
}
