package org.workrelief.backup;

import java.util.List;

/**
 * The archive's table of contents, its last entry ({@value #ENTRY}, JSON): what a restore checks before it
 * touches a database. {@code format} is this layout's version; {@code schemaVersion} the Flyway version
 * of the database it was taken from (a restore migrates an empty database to exactly that version before
 * copying the rows back); {@code keyCheck} a keyed hash of a fixed text under the data key, so that a
 * restore under another key is refused instead of leaving numbers nobody can read (it tells nothing about
 * the key). Each table is one entry {@code tables/<name>.copy} in PostgreSQL's COPY text format, with its
 * columns in the order of the file, its row count and the SHA-256 of the entry.
 */
public record BackupManifest(int format, String application, String schemaVersion, String createdAt, String keyCheck,
        List<Table> tables, List<Sequence> sequences, List<Skipped> skipped) {

    public static final String ENTRY = "manifest.json";
    public static final int FORMAT = 1;
    /** The text whose keyed hash ({@code DataProtector.hash}) is the archive's key check. */
    static final String KEY_CHECK_TEXT = "workrelief-backup-key-check";

    /** One table: its entry in the archive, the columns of the file in order, how many rows, the entry's SHA-256 (hex). */
    public record Table(String name, String entry, List<String> columns, long rows, String sha256) {
    }

    /** A sequence's last value as it was read ({@code null}: never used); a restore sets it back. */
    public record Sequence(String name, Long lastValue) {
    }

    /** A table left out on purpose, and why. */
    public record Skipped(String name, String reason) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
