package org.workrelief.message;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.workrelief.common.jobs.ClusterJobs;

/**
 * Sends the outbox's due messages once per period across all instances ({@link ClusterJobs}). Each
 * message is sent in a transaction of its own holding its row, so even two senders at once (an
 * instance's run overlapping another's) never send one message twice. Nothing is sent without a provider.
 */
@Component
class MessageSendingJob {

    static final String JOB = "worker-messages";

    private final ClusterJobs jobs;
    private final MessageOutbox outbox;
    private final Duration every;

    MessageSendingJob(ClusterJobs jobs, MessageOutbox outbox, @Value("${workrelief.jobs.messages.every:PT1M}") Duration every) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.every = every;
    }

    @Scheduled(fixedRateString = "${workrelief.jobs.messages.every:PT1M}",
            initialDelayString = "${workrelief.jobs.messages.every:PT1M}")
    boolean run() {
        if (!outbox.providerConfigured()) {
            return false;
        }
        return jobs.runOncePer(JOB, every, outbox::sendDue);
    }
}
