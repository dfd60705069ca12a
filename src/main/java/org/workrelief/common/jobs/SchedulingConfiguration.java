package org.workrelief.common.jobs;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns the {@code @Scheduled} jobs on unless {@code workrelief.jobs.enabled=false} (for an instance
 * that should only serve requests, or a test that must not be disturbed). Whether on one instance or
 * on ten, each job still runs once per period: see {@link ClusterJobs}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "workrelief.jobs.enabled", matchIfMissing = true)
class SchedulingConfiguration {
}
