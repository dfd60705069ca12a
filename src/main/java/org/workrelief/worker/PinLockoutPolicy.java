package org.workrelief.worker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.workrelief.common.FailedAttempts;

/**
 * Guessing a worker's PIN is stopped: {@code maxFailures} wrong PINs within {@code window} lock that
 * worker's PIN for {@code lockDuration} (defaults 5, 15 minutes, 15 minutes); while locked even the right
 * PIN is refused.
 */
@ConfigurationProperties("workrelief.worker.pin")
public record PinLockoutPolicy(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lockDuration) implements FailedAttempts.Rule {
}
