package org.workrelief.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The application's "now": the system clock in the project's zone. The demo loader replays the
 * reference project's two-year history through the real services, so that every rule (notice
 * periods, no sign-ins in the future, reviews only of past days) is applied as it would have been
 * at the time; while it does, it sets "now" back for its own thread only. Requests served on other
 * threads meanwhile keep real time, and outside a replay this is just the system clock.
 */
public final class ApplicationClock extends Clock {

    private final Clock system;

    /** Where this thread's replayed time started, and when (in real time) it was set there. */
    private final ThreadLocal<Replay> replay = new ThreadLocal<>();

    private record Replay(Instant at, Instant setAt) {
    }

    public ApplicationClock(Clock system) {
        this.system = system;
    }

    @Override
    public Instant instant() {
        Replay current = replay.get();
        Instant real = system.instant();
        // replayed time runs on from where it was set, so events of one step keep their order
        return current == null ? real : current.at().plus(Duration.between(current.setAt(), real));
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new ApplicationClock(system.withZone(zone));
    }

    /** Runs {@code step} on this thread as if it were {@code at}; real time again afterwards. */
    public <T> T replayAt(Instant at, Supplier<T> step) {
        Replay before = replay.get();
        replay.set(new Replay(at, system.instant()));
        try {
            return step.get();
        }
        finally {
            if (before == null) {
                replay.remove();
            }
            else {
                replay.set(before);
            }
        }
    }

    /** As {@link #replayAt(Instant, Supplier)}, at a local date and time of the application's zone. */
    public <T> T replayAt(LocalDateTime at, Supplier<T> step) {
        return replayAt(at.atZone(getZone()).toInstant(), step);
    }

    public void replayAt(LocalDateTime at, Runnable step) {
        replayAt(at.atZone(getZone()).toInstant(), step);
    }

    public void replayAt(Instant at, Runnable step) {
        replayAt(at, () -> {
            step.run();
            return null;
        });
    }
}
