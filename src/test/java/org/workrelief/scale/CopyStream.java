package org.workrelief.scale;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY ... FROM STDIN} (text format) fed row by row: rows are built in a buffer of about
 * a megabyte and handed to the server whenever it fills, so a table of millions of rows is streamed
 * while it is generated and never held in memory.
 */
final class CopyStream implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean rowStarted;
    private long rows;
    private boolean ended;

    CopyStream(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin");
    }

    private void separate() {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
    }

    CopyStream text(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    /** A value known to need no escaping (numbers, dates, codes). */
    CopyStream raw(String value) {
        separate();
        buffer.append(value == null ? "\\N" : value);
        return this;
    }

    CopyStream num(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    CopyStream nul() {
        separate();
        buffer.append("\\N");
        return this;
    }

    CopyStream bool(boolean value) {
        separate();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    void end() throws SQLException {
        buffer.append('\n');
        rowStarted = false;
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        copy.writeToCopy(bytes, 0, bytes.length);
    }

    long rows() {
        return rows;
    }

    /** Sends the rest and ends the COPY; returns the rows the server took. */
    long finish() throws SQLException {
        flush();
        ended = true;
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (!ended && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
