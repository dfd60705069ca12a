package org.workrelief.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.workrelief.common.FailedAttempts;

/**
 * Guessing passwords is slowed down: {@code maxFailures} wrong passwords within {@code window}
 * lock the account for {@code lockDuration} (defaults 5, 15 minutes, 15 minutes).
 */
@ConfigurationProperties("workrelief.login")
public record LoginLockoutPolicy(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lockDuration) implements FailedAttempts.Rule {

    public static final LoginLockoutPolicy DEFAULT = new LoginLockoutPolicy(5, Duration.ofMinutes(15),
            Duration.ofMinutes(15));
}
