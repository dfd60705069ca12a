package org.workrelief.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.workrelief.common.crypto.DataProtector;

import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds a database from a backup archive ({@link BackupWriter}), run as a command:
 * {@code java -jar workrelief.jar --workrelief.restore=<file>} restores into the configured (or the embedded)
 * database and exits. Only into an EMPTY database (no table with a row): any other is refused unchanged.
 * <ol>
 * <li>The archive is checked first: its format, the SHA-256 of every entry, its schema version known to
 * this release, and that the data key given is the one it was taken under (its key check).</li>
 * <li>Flyway migrates the empty database to the archive's schema version exactly ({@code target}).</li>
 * <li>In one transaction, every table's rows are copied back verbatim ({@code COPY ... FROM STDIN}), with
 * {@code session_replication_role = replica}, so that no trigger fires (the audit log's own triggers would
 * otherwise rewrite or refuse rows) and no foreign key is checked row by row; then every sequence is set
 * to its value in the archive and past the largest id of its column, and every foreign key is checked
 * once over the whole database (a broken one rolls everything back).</li>
 * <li>Flyway migrates on to this release's version, as on any start.</li>
 * </ol>
 * All of it runs on Flyway's connection, the schema owner's ({@code spring.flyway.user} when set, else the
 * datasource's): setting {@code session_replication_role} needs a superuser or a role granted
 * {@code SET} on it; an owner without it restores with its tables' own triggers disabled instead
 * ({@code ALTER TABLE ... DISABLE TRIGGER USER}, within the same transaction), the foreign keys then checked
 * as the rows arrive in their order. The application's runtime role can do neither, by design.
 */
public final class Restore {

    /** The command's property: the archive to restore. */
    public static final String PROPERTY = "workrelief.restore";

    private static final Logger log = LoggerFactory.getLogger(Restore.class);
    private static final Set<String> NOT_DATA = Set.of("flyway_schema_history");

    private final Flyway flyway;
    private final DataProtector protector;
    private final JsonMapper json;

    Restore(Flyway flyway, DataProtector protector, JsonMapper json) {
        this.flyway = flyway;
        this.protector = protector;
        this.json = json;
    }

    /**
     * A restore that failed after it began: the copy was rolled back, so the database holds the archive's schema
     * without a row (a later restore into it is allowed).
     */
    static final class RestoreFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RestoreFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** True when the command line asks for a restore. */
    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + PROPERTY + "="));
    }

    /**
     * The restore command: starts the application without an HTTP port and scheduled jobs, restores in
     * place of the start's migration, lets the start finish (Hibernate checks the schema) and stops.
     * Answers the process's exit status: 0 restored, 1 refused or failed (the reason on standard error).
     */
    public static int run(Class<?> application, String[] args) {
        SpringApplication restore = new SpringApplication(application);
        // the web application as configured (its sessions and security belong to it), but no HTTP port
        String[] quiet = Arrays.copyOf(args, args.length + 2);
        quiet[args.length] = "--workrelief.jobs.enabled=false";
        quiet[args.length + 1] = "--server.port=-1";
        try (ConfigurableApplicationContext context = restore.run(quiet)) {
            log.info("Restore finished; start the application as usual");
            return 0;
        }
        catch (RuntimeException failed) {
            Throwable root = failed;
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof RestoreRefusedException refused) {
                    System.err.println("Restore refused: " + refused.getMessage());
                    return 1;
                }
                if (cause instanceof RestoreFailedException rolledBack) {
                    System.err.println("Restore failed: " + rolledBack.getMessage());
                    return 1;
                }
                root = cause;
            }
            System.err.println("Restore failed: " + root);
            return 1;
        }
    }

    /** Restores {@code archive} into the empty database behind Flyway, as described above. */
    public BackupManifest restore(Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw new RestoreRefusedException("no backup file at " + archive.toAbsolutePath());
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            BackupManifest manifest = manifest(zip);
            verify(zip, manifest);
            MigrationVersion target = MigrationVersion.fromVersion(manifest.schemaVersion());
            DataSource owner = flyway.getConfiguration().getDataSource();
            try (Connection connection = owner.getConnection()) {
                requireEmpty(connection, target);
            }
            log.info("Restoring {} ({} rows in {} tables, taken at {}, schema version {})", archive, manifest.totalRows(),
                    manifest.tables().size(), manifest.createdAt(), manifest.schemaVersion());
            Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                    .target(target).load().migrate();
            try (Connection connection = owner.getConnection()) {
                copyBack(connection, zip, manifest);
            }
            flyway.migrate();
            log.info("Restored {} rows in {} tables from {}", manifest.totalRows(), manifest.tables().size(), archive);
            return manifest;
        }
        catch (IOException e) {
            throw new RestoreRefusedException("the file " + archive + " is not a readable backup archive: " + e.getMessage());
        }
        catch (SQLException e) {
            throw new RestoreFailedException("the copy was rolled back: " + e.getMessage(), e);
        }
    }

    private BackupManifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new RestoreRefusedException("not a WorkRelief backup (no " + BackupManifest.ENTRY + ")");
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = json.readValue(in, BackupManifest.class);
        }
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new RestoreRefusedException("backup format " + manifest.format() + " is not known to this release (it reads "
                    + BackupManifest.FORMAT + ")");
        }
        if (!protector.hash(BackupManifest.KEY_CHECK_TEXT).equals(manifest.keyCheck())) {
            throw new RestoreRefusedException("""
                    the data key given is not the one this backup was taken under: its ID and bank card numbers could \
                    not be read. Give the installation's key (WORKRELIEF_DATA_KEY, or its file data-key copied into the \
                    data folder) and run the restore again.""");
        }
        MigrationVersion version = MigrationVersion.fromVersion(manifest.schemaVersion());
        boolean known = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion).anyMatch(version::equals);
        if (!known) {
            throw new RestoreRefusedException("the backup's schema version " + manifest.schemaVersion()
                    + " is not one of this release's migrations: restore it with the release that took it");
        }
        return manifest;
    }

    /** Every entry is there and has the SHA-256 the manifest gives, before anything is written. */
    private static void verify(ZipFile zip, BackupManifest manifest) throws IOException {
        for (BackupManifest.Table table : manifest.tables()) {
            ZipEntry entry = zip.getEntry(table.entry());
            if (entry == null) {
                throw new RestoreRefusedException("the backup lacks " + table.entry() + ": it is incomplete");
            }
            MessageDigest sha256 = BackupWriter.sha256();
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (!HexFormat.of().formatHex(sha256.digest()).equals(table.sha256())) {
                throw new RestoreRefusedException("the backup's " + table.entry() + " does not match its checksum: the file is damaged");
            }
        }
    }

    private void requireEmpty(Connection connection, MigrationVersion target) throws SQLException {
        List<String> filled = Schema.tablesWithRows(connection, NOT_DATA);
        if (!filled.isEmpty()) {
            throw new RestoreRefusedException("the database is not empty (" + String.join(", ", filled.subList(0,
                    Math.min(5, filled.size()))) + (filled.size() > 5 ? ", ..." : "") + " have rows) and was left unchanged. "
                    + "A backup is restored only into an empty database: give a new database "
                    + "(spring.datasource.url), or on the embedded database a new data folder (--workrelief.data-dir=...)");
        }
        MigrationInfo current = flyway.info().current();
        if (current != null && current.getVersion() != null && current.getVersion().compareTo(target) > 0) {
            throw new RestoreRefusedException("the empty database is already migrated to version " + current.getVersion()
                    + ", past the backup's " + target + ": give a new, empty database");
        }
    }

    private static void copyBack(Connection connection, ZipFile zip, BackupManifest manifest) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            boolean replica = query(connection, "select has_parameter_privilege('session_replication_role', 'SET')");
            if (replica) {
                execute(connection, "set local session_replication_role = replica");
            }
            else {
                log.warn("This role may not set session_replication_role: the tables' own triggers are disabled for the "
                        + "restore instead, and foreign keys are checked as the rows arrive");
                for (BackupManifest.Table table : manifest.tables()) {
                    execute(connection, "alter table " + Schema.table(table.name()) + " disable trigger user");
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (BackupManifest.Table table : manifest.tables()) {
                // a migration may have left rows of its own (none does today): the archive holds the whole table
                execute(connection, "delete from " + Schema.table(table.name()));
                long rows;
                try (InputStream in = zip.getInputStream(zip.getEntry(table.entry()))) {
                    rows = copy.copyIn("copy " + Schema.table(table.name()) + " (" + Schema.columnList(table.columns())
                            + ") from stdin", in);
                }
                if (rows != table.rows()) {
                    throw new RestoreFailedException("the copy was rolled back: " + table.name() + ": " + rows
                            + " rows copied, the manifest says " + table.rows(), null);
                }
            }
            setSequences(connection, manifest);
            if (!replica) {
                for (BackupManifest.Table table : manifest.tables()) {
                    execute(connection, "alter table " + Schema.table(table.name()) + " enable trigger user");
                }
            }
            else {
                execute(connection, "set local session_replication_role = origin");
            }
            List<String> broken = Schema.brokenForeignKeys(connection);
            if (!broken.isEmpty()) {
                throw new RestoreFailedException("the copy was rolled back: the restored rows break foreign keys: "
                        + String.join("; ", broken), null);
            }
            connection.commit();
        }
        catch (IOException e) {
            connection.rollback();
            throw new RestoreFailedException("the copy was rolled back: the archive could not be read: " + e.getMessage(), e);
        }
        catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Each sequence back to its value in the archive, and each id column's sequence past its largest id. */
    private static void setSequences(Connection connection, BackupManifest manifest) throws SQLException {
        try (PreparedStatement setval = connection.prepareStatement("""
                select setval(to_regclass(?), ?, true) where to_regclass(?) is not null
                """)) {
            for (BackupManifest.Sequence sequence : manifest.sequences()) {
                if (sequence.lastValue() != null) {
                    String name = "public." + Schema.quoted(sequence.name());
                    setval.setString(1, name);
                    setval.setLong(2, sequence.lastValue());
                    setval.setString(3, name);
                    setval.execute();
                }
            }
        }
        List<String> columns = new ArrayList<>();
        for (Schema.SequenceOwner owner : Schema.sequenceOwners(connection)) {
            try (PreparedStatement past = connection.prepareStatement("""
                    select setval(cast(? as regclass), m, true)
                    from (select max(%s) as m from %s) t, %s s
                    where t.m is not null and (not s.is_called or t.m > s.last_value)
                    """.formatted(Schema.quoted(owner.column()), Schema.table(owner.table()), owner.sequence()))) {
                past.setString(1, owner.sequence());
                try (ResultSet rs = past.executeQuery()) {
                    if (rs.next()) {
                        columns.add(owner.table() + "." + owner.column());
                    }
                }
            }
        }
        if (!columns.isEmpty()) {
            log.info("Sequences set past their largest id: {}", columns);
        }
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
