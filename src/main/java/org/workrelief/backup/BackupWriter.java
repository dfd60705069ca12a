package org.workrelief.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.workrelief.common.crypto.DataProtector;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the whole database into one zip archive through the server itself: every table of the public
 * schema by {@code COPY ... TO STDOUT} (text format) through the driver's {@link CopyManager}, all in one
 * read-only REPEATABLE READ transaction, so every table is read from the same snapshot (a payout line and
 * its batch, an audit entry and what it records, as they stood at one moment), while the application goes
 * on writing. The rows stream from the server into the archive: nothing is held in memory.
 * <p>
 * Left out: the HTTP sessions (spring_session, spring_session_attributes: a restored instance starts with
 * everyone signed out) and flyway_schema_history, which a restore rebuilds by migrating (its version is in
 * the manifest). Table order is the order of their foreign keys (a referenced table first).
 */
@Component
public class BackupWriter {

    /** Tables not worth restoring, and why (written into the manifest). */
    static final Map<String, String> SKIPPED = Map.of(
            "spring_session", "HTTP sessions: a restored instance starts with everyone signed out",
            "spring_session_attributes", "HTTP sessions: a restored instance starts with everyone signed out",
            "flyway_schema_history", "rebuilt by the restore, which migrates to schemaVersion");

    private final DataSource dataSource;
    private final DataProtector protector;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<Flyway> flyway;

    BackupWriter(DataSource dataSource, DataProtector protector, JsonMapper json, Clock clock, ObjectProvider<Flyway> flyway) {
        this.dataSource = dataSource;
        this.protector = protector;
        this.json = json;
        this.clock = clock;
        this.flyway = flyway;
    }

    /** Writes the archive to {@code out} (left open) and answers its manifest. */
    public BackupManifest write(OutputStream out) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                BackupManifest manifest = write(connection, out);
                connection.commit();
                return manifest;
            }
            catch (IOException | RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
            finally {
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(autoCommit);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("the backup could not read the database: " + e.getMessage(), e);
        }
    }

    private BackupManifest write(Connection connection, OutputStream out) throws SQLException, IOException {
        // the first query takes the snapshot every later one (and every COPY) reads
        String createdAt = clock.instant().toString();
        List<String> tables = Schema.tablesInForeignKeyOrder(connection);
        String version = schemaVersion(connection);
        List<BackupManifest.Sequence> sequences = sequences(connection);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<BackupManifest.Table> written = new ArrayList<>();
        List<BackupManifest.Skipped> skipped = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(new KeptOpen(out));
        for (String table : tables) {
            if (SKIPPED.containsKey(table)) {
                skipped.add(new BackupManifest.Skipped(table, SKIPPED.get(table)));
                continue;
            }
            List<String> columns = Schema.copyableColumns(connection, table);
            String entry = "tables/" + table + ".copy";
            zip.putNextEntry(new ZipEntry(entry));
            MessageDigest sha256 = sha256();
            OutputStream digesting = new DigestOutputStream(new KeptOpen(zip), sha256);
            long rows = copy.copyOut("copy " + Schema.table(table) + " (" + Schema.columnList(columns) + ") to stdout",
                    digesting);
            digesting.flush();
            zip.closeEntry();
            written.add(new BackupManifest.Table(table, entry, columns, rows, HexFormat.of().formatHex(sha256.digest())));
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, "workrelief", version, createdAt,
                protector.hash(BackupManifest.KEY_CHECK_TEXT), written, sequences, skipped);
        zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
        zip.flush();
        return manifest;
    }

    /**
     * The database's Flyway version, from its history in the snapshot; from Flyway (the owner's connection)
     * where this connection may not read the history.
     */
    private String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select has_table_privilege('public.flyway_schema_history', 'SELECT')
                        where to_regclass('public.flyway_schema_history') is not null
                        """)) {
            if (rs.next() && rs.getBoolean(1)) {
                try (Statement history = connection.createStatement();
                        ResultSet version = history.executeQuery("""
                                select version from flyway_schema_history where success and version is not null
                                order by installed_rank desc limit 1
                                """)) {
                    if (version.next()) {
                        return version.getString(1);
                    }
                }
            }
        }
        Flyway migrations = flyway.getIfAvailable();
        if (migrations == null || migrations.info().current() == null) {
            throw new IllegalStateException("the database's schema version (flyway_schema_history) could not be read");
        }
        return migrations.info().current().getVersion().getVersion();
    }

    private static List<BackupManifest.Sequence> sequences(Connection connection) throws SQLException {
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select sequencename, last_value from pg_sequences where schemaname = 'public' order by sequencename
                        """)) {
            while (rs.next()) {
                sequences.add(new BackupManifest.Sequence(rs.getString(1), rs.getObject(2, Long.class)));
            }
        }
        return sequences;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stream that passes writes on in blocks and leaves the one below open when closed. */
    static final class KeptOpen extends FilterOutputStream {

        KeptOpen(OutputStream below) {
            super(below);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
