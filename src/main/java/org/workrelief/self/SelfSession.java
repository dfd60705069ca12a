package org.workrelief.self;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The self-service session of one worker, kept as one attribute of the HTTP session (beside, never
 * instead of, a staff sign-in): whose record it opens, and when a page was last read.
 */
public record SelfSession(long workerId, String workerCode, Long townId, Instant lastActivity) implements Serializable {

    public static final String ATTRIBUTE = "workrelief.self";

    public boolean idleAt(Instant now, Duration idleTimeout) {
        return !now.isBefore(lastActivity.plus(idleTimeout));
    }

    public SelfSession touchedAt(Instant now) {
        return new SelfSession(workerId, workerCode, townId, now);
    }
}
