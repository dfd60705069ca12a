package org.workrelief;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.workrelief.backup.Restore;

@SpringBootApplication
public class WorkReliefApplication {

    public static void main(String[] args) {
        // --workrelief.restore=<file>: rebuild the (empty) database from a backup, then exit (see docs/backups.md)
        if (Restore.requested(args)) {
            System.exit(Restore.run(WorkReliefApplication.class, args));
        }
        SpringApplication.run(WorkReliefApplication.class, org.workrelief.accountability.AuditVerifyCommand.prepare(args));
    }
}
