package org.workrelief.self;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.workrelief.common.FailedAttempts;

/**
 * Failed self-service lookups counted per client address ({@link FailedAttempts}), so one phone cannot try
 * PINs of many workers: each worker's PIN locks after its own wrong tries, and the address after
 * {@link SelfServiceSettings#maxFailures()} failures of any worker. Kept in memory (per instance): a restart
 * forgets it, the per-worker PIN lock (in the database) stays.
 */
@Component
class AddressThrottle {

    /** Above this many addresses, those with nothing pending are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<String, FailedAttempts> failures = new ConcurrentHashMap<>();
    private final SelfServiceSettings settings;
    private final Clock clock;

    AddressThrottle(SelfServiceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Until when the address is refused, or null when it may try. */
    Instant lockedUntil(String address) {
        FailedAttempts attempts = failures.get(address);
        return attempts != null && attempts.isLockedAt(clock.instant()) ? attempts.lockedUntil() : null;
    }

    /** Counts a failed lookup; true when it locks the address. */
    boolean failed(String address) {
        Instant now = clock.instant();
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().removeIf(a -> !a.isLockedAt(now)
                    && (a.windowStart() == null || !now.isBefore(a.windowStart().plus(settings.window()))));
        }
        FailedAttempts after = failures.compute(address,
                (key, attempts) -> (attempts == null ? FailedAttempts.NONE : attempts).afterFailure(now, settings));
        return after.isLockedAt(now);
    }

    /** Forgets every count (tests). */
    void clear() {
        failures.clear();
    }
}
