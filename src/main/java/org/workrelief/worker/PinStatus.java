package org.workrelief.worker;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What may be shown about a worker's PIN: whether one is set (and since when), whether an administrator
 * reset it, and until when it is locked after wrong PINs. Never the PIN.
 *
 * @param lockedUntil the minute the lock ends (rounded up), in the project's zone; null when not locked
 */
public record PinStatus(boolean set, LocalDate setOn, boolean reset, LocalDateTime lockedUntil) {

    public boolean locked() {
        return lockedUntil != null;
    }
}
