package org.workrelief.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crashed JVM leaves its embedded PostgreSQL running on the data folder: the next start shuts that
 * server down first and then starts on the folder, with the data written before intact.
 */
class LeftoverPostmasterTests {

    @TempDir
    Path dataDir;

    @Test
    void theServerACrashedRunLeftIsStoppedAndTheNextStartSucceedsWithTheData() throws Exception {
        // another JVM starts its server on the folder, writes a row, and is killed with -9: its server stays
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CrashingRun.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        var output = new java.io.BufferedReader(new java.io.InputStreamReader(run.getInputStream()));
        String line;
        while ((line = output.readLine()) != null && !line.equals("WRITTEN")) {
            // the server's start-up lines
        }
        assertThat(line).as("the other run wrote its row").isEqualTo("WRITTEN");
        run.destroyForcibly().waitFor();
        ProcessHandle leftover = LeftoverPostmaster.find(dataDir).orElseThrow();
        assertThat(leftover.isAlive()).isTrue();

        assertThat(LeftoverPostmaster.stop(dataDir)).isTrue();
        assertThat(leftover.isAlive()).isFalse();
        assertThat(LeftoverPostmaster.find(dataDir)).isEmpty();

        try (EmbeddedPostgres next = start(); Connection c = next.getPostgresDatabase().getConnection()) {
            var rs = c.createStatement().executeQuery("select v from kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("before the crash");
        }
        assertThat(LeftoverPostmaster.stop(dataDir)).as("nothing left after a clean stop").isFalse();
    }

    /** The run that crashes: starts the server, writes a row, says so, and waits to be killed. */
    public static final class CrashingRun {

        public static void main(String[] args) throws Exception {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                    .setCleanDataDirectory(false).start();
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create table kept (v text); insert into kept values ('before the crash')");
            }
            System.out.println("WRITTEN");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void aStaleOrForeignPidFileIsNoServer() throws Exception {
        Files.writeString(dataDir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dataDir + "\n");
        assertThat(LeftoverPostmaster.find(dataDir)).as("a live process that is not postgres").isEmpty();
        Files.writeString(dataDir.resolve("postmaster.pid"), "999999999\n" + dataDir + "\n");
        assertThat(LeftoverPostmaster.find(dataDir)).as("a dead pid").isEmpty();
        assertThat(LeftoverPostmaster.stop(dataDir)).isFalse();
    }

    private EmbeddedPostgres start() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
    }
}
