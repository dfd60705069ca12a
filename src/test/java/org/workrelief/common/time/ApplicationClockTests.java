package org.workrelief.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class ApplicationClockTests {

    private static final Instant PAST = Instant.parse("2024-03-11T00:30:00Z");

    private final ApplicationClock clock = new ApplicationClock(Clock.system(ZoneId.of("Asia/Shanghai")));

    @Test
    void replaysThePastOnTheLoadingThreadOnlyAndRealTimeAfterwards() throws Exception {
        Instant[] seen = new Instant[2];
        clock.replayAt(PAST, () -> {
            seen[0] = clock.instant();
            // a request served meanwhile on another thread keeps real time
            seen[1] = CompletableFuture.supplyAsync(clock::instant).join();
        });
        assertThat(seen[0]).isBetween(PAST, PAST.plusSeconds(5));
        assertThat(seen[1]).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(clock.instant()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void replayedTimeRunsOnAndNestedReplaysRestoreTheOuterOne() {
        Instant later = PAST.plusSeconds(86400);
        Instant after = clock.replayAt(PAST, () -> {
            clock.replayAt(later, () -> assertThat(clock.instant()).isBetween(later, later.plusSeconds(5)));
            return clock.instant();
        });
        assertThat(after).isBetween(PAST, PAST.plusSeconds(5));
    }

    @Test
    void localTimesAreOfTheApplicationsZone() {
        Instant at = clock.replayAt(java.time.LocalDateTime.of(2024, 3, 11, 8, 30), clock::instant);
        assertThat(at.atOffset(ZoneOffset.UTC).getHour()).isEqualTo(0);
    }
}
