package org.workrelief.dashboard;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.workrelief.common.jobs.ClusterJobs;

/**
 * Recomputes every project's overview figures once per period across all instances, more often than
 * they expire ({@code workrelief.dashboard.figures-max-age}), so that an official opening the county
 * overview finds them kept instead of waiting while two hundred projects are computed.
 */
@Component
class OverviewFiguresJob {

    static final String JOB = "overview-figures";

    private final ClusterJobs jobs;
    private final DashboardService dashboards;
    private final Duration every;

    OverviewFiguresJob(ClusterJobs jobs, DashboardService dashboards,
            @Value("${workrelief.jobs.dashboard-figures.every}") Duration every) {
        this.jobs = jobs;
        this.dashboards = dashboards;
        this.every = every;
    }

    @Scheduled(fixedRateString = "${workrelief.jobs.dashboard-figures.every}", initialDelayString = "${workrelief.jobs.dashboard-figures.every}")
    boolean run() {
        return jobs.runOncePer(JOB, every, dashboards::refreshAll);
    }
}
