package org.workrelief.backup;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.workrelief.common.jobs.ClusterJobs;

/**
 * The nightly backup into the backup folder ({@link Backups}), once a day across all the instances
 * ({@code workrelief.backup.cron}, in the application's zone; {@code workrelief.backup.nightly=false} turns it off, e.g.
 * where the server's own backups (pgBackRest) are enough). With several instances the one that runs it writes into its
 * own folder: point {@code workrelief.backup.folder} at a shared one, or leave the jobs on for one instance only.
 */
@Component
class NightlyBackupJob {

    static final String JOB = "nightly-backup";

    private final ClusterJobs jobs;
    private final Backups backups;
    private final boolean enabled;

    NightlyBackupJob(ClusterJobs jobs, Backups backups, @Value("${workrelief.backup.nightly:true}") boolean enabled) {
        this.jobs = jobs;
        this.backups = backups;
        this.enabled = enabled;
    }

    @Scheduled(cron = "${workrelief.backup.cron:0 30 2 * * *}", zone = "${workrelief.zone}")
    boolean run() {
        return enabled && runInto(backups.folder());
    }

    boolean runInto(java.nio.file.Path folder) {
        return jobs.runOncePer(JOB, Duration.ofDays(1), () -> backups.writeNightly(folder));
    }
}
