package org.workrelief.accountability;

import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.workrelief.common.jobs.ClusterJobs;

/**
 * Verifies every chain of the audit log once a day, on one instance (ClusterJobs), and stores the
 * result; a broken chain is then on every administrator's home page until a later check finds the
 * log intact.
 */
@Component
class AuditChainJob {

    static final String JOB = "audit-chain-verification";
    static final String CHECKED_BY = "job:" + JOB;

    private final ClusterJobs jobs;
    private final AuditChainVerifier verifier;

    AuditChainJob(ClusterJobs jobs, AuditChainVerifier verifier) {
        this.jobs = jobs;
        this.verifier = verifier;
    }

    @Scheduled(cron = "${workrelief.jobs.audit-chain.cron:0 30 2 * * *}", zone = "${workrelief.zone}")
    boolean run() {
        return jobs.runOncePer(JOB, Duration.ofDays(1), () -> verifier.verifyAll(CHECKED_BY));
    }
}
