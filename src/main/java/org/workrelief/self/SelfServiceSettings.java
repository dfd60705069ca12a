package org.workrelief.self;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.workrelief.common.FailedAttempts;

/**
 * 本人查询 settings: the self-service session ends after {@code idleTimeout} without a page; one client
 * address may fail {@code maxFailures} lookups (unknown worker, wrong or locked PIN) within {@code window}
 * before it is refused for {@code lockDuration}, whichever workers it tried.
 */
@ConfigurationProperties("workrelief.self")
public record SelfServiceSettings(@DefaultValue("10m") Duration idleTimeout, @DefaultValue("10") int maxFailures,
        @DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockDuration) implements FailedAttempts.Rule {
}
