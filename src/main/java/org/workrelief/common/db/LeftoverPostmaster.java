package org.workrelief.common.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL a crashed run left behind on our data folder. When the JVM alone dies ({@code kill -9},
 * the OOM killer), the embedded server it started keeps running on the folder, and a new one refuses
 * to start there ("lock file postmaster.pid already exists"). Before starting, we find that server
 * by its {@code postmaster.pid} and shut it down (a fast shutdown: its clients died with the JVM), so
 * that there are never two servers on one folder and the first next start succeeds.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration SHUTDOWN = Duration.ofSeconds(60);

    private LeftoverPostmaster() {
    }

    /** Stops the server running on {@code dataDirectory}, if any; true when there was one. */
    static boolean stop(Path dataDirectory) {
        Optional<ProcessHandle> leftover = find(dataDirectory);
        if (leftover.isEmpty()) {
            return false;
        }
        ProcessHandle postmaster = leftover.get();
        log.warn("A PostgreSQL left running by an earlier run (pid {}) holds {}: shutting it down", postmaster.pid(),
                dataDirectory);
        try {
            // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, the data is flushed
            new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).inheritIO().start().waitFor();
            postmaster.onExit().get(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        }
        catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL left running on " + dataDirectory + " (pid "
                    + postmaster.pid() + ") did not stop; stop it and start again", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL left on " + dataDirectory, e);
        }
        return true;
    }

    /**
     * The live postmaster whose pid file is in the folder and which runs on this very folder (line 2
     * of {@code postmaster.pid}): a stale file of a dead server, or a pid now reused by another program,
     * is none (PostgreSQL itself takes a stale file over).
     */
    static Optional<ProcessHandle> find(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        }
        catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        Path folder = Path.of(lines.get(1).strip());
        if (!sameFolder(folder, dataDirectory)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        }
        catch (IOException e) {
            return false;
        }
    }
}
