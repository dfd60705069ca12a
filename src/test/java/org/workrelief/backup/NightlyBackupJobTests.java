package org.workrelief.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/**
 * The nightly backup writes a whole archive named by the time it was taken (Asia/Shanghai), once a day across the
 * instances, audited, and deletes the backups taken more than keep-days (14) ago; other files are left alone.
 */
@IntegrationTest
class NightlyBackupJobTests {

    @Autowired NightlyBackupJob job;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    @TempDir
    Path folder;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void writesABackupNamedByItsTimeAndDeletesThoseOlderThanTheDaysToKeep() throws Exception {
        Path old = Files.writeString(folder.resolve("workrelief-backup-20300101-023000.zip"), "old");
        Path kept = Files.writeString(folder.resolve("workrelief-backup-20300102-023000.zip"), "kept");
        Path other = Files.writeString(folder.resolve("notes.txt"), "not a backup");
        clock.set(ZonedDateTime.of(2030, 1, 16, 2, 30, 0, 0, MutableClock.ZONE).toInstant());

        assertThat(job.runInto(folder)).isTrue();

        Path written = folder.resolve("workrelief-backup-20300116-023000.zip");
        assertThat(written).exists();
        try (ZipFile zip = new ZipFile(written.toFile())) {
            assertThat(zip.getEntry(BackupManifest.ENTRY)).isNotNull();
            assertThat(zip.getEntry("tables/audit_log.copy")).isNotNull();
        }
        assertThat(old).doesNotExist();
        assertThat(kept).exists();
        assertThat(other).exists();
        assertThat(folder.resolve("workrelief-backup-20300116-023000.zip.part")).doesNotExist();
        assertThat(jdbc.queryForObject("""
                select actor || ' ' || entity_id from audit_log where action = 'BACKUP_CREATED' order by id desc limit 1
                """, String.class)).isEqualTo("system workrelief-backup-20300116-023000.zip");

        // once a day: a second run the same day (another instance's, say) does nothing
        clock.set(ZonedDateTime.of(2030, 1, 16, 2, 31, 0, 0, MutableClock.ZONE).toInstant());
        assertThat(job.runInto(folder)).isFalse();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).isEqualTo(List.of(
                    "notes.txt", "workrelief-backup-20300102-023000.zip", "workrelief-backup-20300116-023000.zip"));
        }
    }
}
