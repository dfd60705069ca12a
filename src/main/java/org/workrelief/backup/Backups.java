package org.workrelief.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.audit.Actors;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;

/**
 * The backup files: the nightly ones in the backup folder ({@code workrelief.backup.folder}, by default
 * {@code <data-dir>/backups}), named by the time they were taken in the application's zone
 * ({@code workrelief-backup-20250603-023000.zip}) and kept {@code workrelief.backup.keep-days} days; and the
 * archive written on demand for the county's administrator. Only an ADMIN of the county level (no town)
 * takes one, since it holds every encrypted number of every town; each download and each refused attempt
 * is in the audit log (who, when, which, how many bytes).
 */
@Service
public class Backups {

    public static final String ENTITY = "Backup";
    static final Pattern NAME = Pattern.compile("workrelief-backup-(\\d{8}-\\d{6})\\.zip");
    static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final BackupWriter writer;
    private final AuditLog audit;
    private final Clock clock;
    private final Path folder;
    private final int keepDays;
    private final ZoneId zone;
    private final boolean keyConfigured;
    private final Path keyFile;

    Backups(BackupWriter writer, AuditLog audit, Clock clock, @Value("${workrelief.backup.folder:}") String folder,
            @Value("${workrelief.data-dir}") Path dataDir, @Value("${workrelief.backup.keep-days:14}") int keepDays,
            @Value("${workrelief.zone:Asia/Shanghai}") ZoneId zone, @Value("${workrelief.data-key:}") String dataKey) {
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
        this.folder = (StringUtils.hasText(folder) ? Path.of(folder) : dataDir.resolve("backups")).toAbsolutePath().normalize();
        this.keepDays = keepDays;
        this.zone = zone;
        this.keyConfigured = StringUtils.hasText(dataKey);
        this.keyFile = dataDir.resolve("data-key").toAbsolutePath().normalize();
    }

    /**
     * Where the data key lives, which is never in a backup: given in the configuration (WORKRELIEF_DATA_KEY),
     * or, on the embedded database without it, the file generated into the data folder (see DataKeyConfiguration).
     */
    public record KeyLocation(boolean configured, Path file) {
    }

    public KeyLocation keyLocation() {
        return new KeyLocation(keyConfigured, keyFile);
    }

    /** A backup file in the folder: its name, size and when it was taken (from its name). */
    public record StoredBackup(String name, long size, LocalDateTime takenAt) {
    }

    /** The folder of the nightly backups. */
    public Path folder() {
        return folder;
    }

    public int keepDays() {
        return keepDays;
    }

    /** Whether this user may take a backup: an administrator of the county level. */
    public static boolean mayDownload(SignedInUser user) {
        return user.hasRole(Role.ADMIN) && user.isCountyLevel();
    }

    /**
     * Writes a backup into {@code into} (created when missing), under a temporary name until it is whole,
     * records it in the audit log, then deletes the backups there older than the days to keep.
     */
    public StoredBackup writeNightly(Path into) {
        try {
            Files.createDirectories(into);
            String name = fileName();
            Path part = into.resolve(name + ".part");
            BackupManifest manifest;
            try (OutputStream out = Files.newOutputStream(part)) {
                manifest = writer.write(out);
            }
            catch (IOException | RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Path file = Files.move(part, into.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            long size = Files.size(file);
            audit.recordAs(Actors.SYSTEM, AuditEvent.of("BACKUP_CREATED", ENTITY, name).change(null, summary(manifest, size)));
            log.info("Backup {} written: {} rows in {} tables, {} bytes", file, manifest.totalRows(), manifest.tables().size(), size);
            prune(into);
            return new StoredBackup(name, size, takenAt(name).orElseThrow());
        }
        catch (IOException e) {
            throw new UncheckedIOException("the backup could not be written into " + into, e);
        }
    }

    /** Deletes the backups in {@code from} taken more than the days to keep ago; answers their names. */
    public List<String> prune(Path from) throws IOException {
        LocalDateTime oldest = LocalDateTime.ofInstant(clock.instant(), zone).minusDays(keepDays);
        List<String> deleted = new ArrayList<>();
        for (StoredBackup backup : list(from)) {
            if (backup.takenAt().isBefore(oldest)) {
                Files.deleteIfExists(from.resolve(backup.name()));
                deleted.add(backup.name());
            }
        }
        if (!deleted.isEmpty()) {
            log.info("Backups older than {} days deleted: {}", keepDays, deleted);
        }
        return deleted;
    }

    /** The backups in the folder, newest first. */
    public List<StoredBackup> stored() {
        try {
            return list(folder);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored backup of that name (only a name of ours, in the folder: never a path). */
    public Optional<Path> stored(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The file name of a backup taken now. */
    public String fileName() {
        return "workrelief-backup-" + NAME_TIME.format(LocalDateTime.ofInstant(clock.instant(), zone)) + ".zip";
    }

    /** Writes a new backup to the response for the user, audited; a user who may not is refused (audited too). */
    public void download(SignedInUser user, String name, OutputStream out) throws IOException {
        requireCountyAdministrator(user, name);
        Counting counted = new Counting(out);
        BackupManifest manifest = null;
        try {
            manifest = writer.write(counted);
        }
        finally {
            audit.recordAs(user.getUsername(), AuditEvent.of("BACKUP_DOWNLOADED", ENTITY, name)
                    .change(null, manifest == null ? Map.of("bytes", counted.count, "complete", false)
                            : summary(manifest, counted.count))
                    .detail("new backup"));
        }
    }

    /** Sends a stored backup to the user, audited; a user who may not is refused (audited too). */
    public void download(SignedInUser user, Path file, OutputStream out) throws IOException {
        String name = file.getFileName().toString();
        requireCountyAdministrator(user, name);
        long bytes = 0;
        try {
            bytes = Files.copy(file, out);
        }
        finally {
            audit.recordAs(user.getUsername(), AuditEvent.of("BACKUP_DOWNLOADED", ENTITY, name)
                    .change(null, Map.of("bytes", bytes, "complete", bytes == Files.size(file)))
                    .detail("stored backup"));
        }
    }

    /** Refuses (audited as BACKUP_REFUSED, with the user's role and town) anyone but the county's administrator. */
    public void requireCountyAdministrator(SignedInUser user, String what) {
        if (!mayDownload(user)) {
            audit.recordAs(user.getUsername(), AuditEvent.of("BACKUP_REFUSED", ENTITY, what).inTown(user.townId())
                    .detail(user.role() + (user.isCountyLevel() ? "" : " town " + user.townId())));
            throw new org.springframework.security.access.AccessDeniedException("a backup is for the county's administrator only");
        }
    }

    private static Map<String, Object> summary(BackupManifest manifest, long bytes) {
        return Map.of("bytes", bytes, "tables", manifest.tables().size(), "rows", manifest.totalRows(),
                "schemaVersion", manifest.schemaVersion(), "complete", true);
    }

    private List<StoredBackup> list(Path from) throws IOException {
        if (!Files.isDirectory(from)) {
            return List.of();
        }
        List<StoredBackup> backups = new ArrayList<>();
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Optional<LocalDateTime> at = takenAt(name);
                if (at.isPresent() && Files.isRegularFile(file)) {
                    backups.add(new StoredBackup(name, Files.size(file), at.get()));
                }
            }
        }
        backups.sort(Comparator.comparing(StoredBackup::takenAt).reversed());
        return backups;
    }

    static Optional<LocalDateTime> takenAt(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(matcher.group(1), NAME_TIME));
        }
        catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Counts the bytes that pass. */
    private static final class Counting extends java.io.FilterOutputStream {

        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
