package org.workrelief.common;

import java.time.Duration;
import java.time.Instant;

/**
 * The wrong tries counted against one secret (a user's password, a worker's PIN) and the lock they lead
 * to: {@code maxFailures} wrong tries within {@code window} lock it for {@code lockDuration}. One home for
 * the counting, so sign-in and the PIN cannot drift apart; each entity keeps the three values in its own
 * columns and its own settings ({@link Rule}).
 */
public record FailedAttempts(int count, Instant windowStart, Instant lockedUntil) {

    public static final FailedAttempts NONE = new FailedAttempts(0, null, null);

    /** How many wrong tries, within what time, lock for how long. */
    public interface Rule {
        int maxFailures();

        Duration window();

        Duration lockDuration();
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * One more wrong try at {@code now}: the count starts again once the window since its first try has
     * passed, and the try that reaches the limit locks and starts the count afresh.
     */
    public FailedAttempts afterFailure(Instant now, Rule rule) {
        boolean windowOver = windowStart == null || !now.isBefore(windowStart.plus(rule.window()));
        Instant start = windowOver ? now : windowStart;
        int failures = (windowOver ? 0 : count) + 1;
        if (failures >= rule.maxFailures()) {
            return new FailedAttempts(0, null, now.plus(rule.lockDuration()));
        }
        return new FailedAttempts(failures, start, lockedUntil);
    }
}
