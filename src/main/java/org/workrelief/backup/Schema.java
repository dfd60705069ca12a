package org.workrelief.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the backup and the restore read of the public schema from the catalog. */
final class Schema {

    private Schema() {
    }

    /**
     * Every ordinary table of the public schema, a table after the tables its foreign keys reference
     * (alphabetical among equals; tables of a reference cycle, of which there are none today, last).
     */
    static List<String> tablesInForeignKeyOrder(Connection connection) throws SQLException {
        Map<String, Set<String>> references = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                        """)) {
            while (rs.next()) {
                references.put(rs.getString(1), new TreeSet<>());
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select child.relname, parent.relname from pg_constraint k
                        join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
                        join pg_namespace n on n.oid = child.relnamespace
                        where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid
                        """)) {
            while (rs.next()) {
                Set<String> parents = references.get(rs.getString(1));
                if (parents != null && references.containsKey(rs.getString(2))) {
                    parents.add(rs.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Map<String, Set<String>> waiting = new LinkedHashMap<>(references);
        boolean progress = true;
        while (!waiting.isEmpty() && progress) {
            progress = false;
            for (var it = waiting.entrySet().iterator(); it.hasNext();) {
                var table = it.next();
                if (ordered.containsAll(table.getValue())) {
                    ordered.add(table.getKey());
                    it.remove();
                    progress = true;
                }
            }
        }
        ordered.addAll(waiting.keySet());
        return ordered;
    }

    /** The columns COPY reads and writes, in table order (a generated column is computed, not copied). */
    static List<String> copyableColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relname = ? and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                order by a.attnum
                """)) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** The public schema's tables that hold at least one row (of those not in {@code ignored}). */
    static List<String> tablesWithRows(Connection connection, Set<String> ignored) throws SQLException {
        List<String> filled = new ArrayList<>();
        for (String table : tablesInForeignKeyOrder(connection)) {
            if (ignored.contains(table)) {
                continue;
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select exists (select 1 from " + table(table) + ")")) {
                if (rs.next() && rs.getBoolean(1)) {
                    filled.add(table);
                }
            }
        }
        return filled;
    }

    /**
     * Each foreign key of the public schema whose rows reference nothing (MATCH SIMPLE: a row with a null
     * in the key is not checked), as "constraint on table: n rows".
     */
    static List<String> brokenForeignKeys(Connection connection) throws SQLException {
        record ForeignKey(String name, String child, String parent, List<String> childColumns, List<String> parentColumns) {
        }
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select k.conname, child.relname, parent.relname,
                               array(select a.attname from unnest(k.conkey) with ordinality u(n, i)
                                     join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i),
                               array(select a.attname from unnest(k.confkey) with ordinality u(n, i)
                                     join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i)
                        from pg_constraint k
                        join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
                        join pg_namespace n on n.oid = child.relnamespace
                        where k.contype = 'f' and n.nspname = 'public' order by child.relname, k.conname
                        """)) {
            while (rs.next()) {
                keys.add(new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), List.of((String[]) rs.getArray(5).getArray())));
            }
        }
        List<String> broken = new ArrayList<>();
        for (ForeignKey key : keys) {
            StringBuilder notNull = new StringBuilder();
            StringBuilder match = new StringBuilder();
            for (int i = 0; i < key.childColumns().size(); i++) {
                notNull.append(" and c.").append(quoted(key.childColumns().get(i))).append(" is not null");
                match.append(i == 0 ? "" : " and ").append("p.").append(quoted(key.parentColumns().get(i)))
                        .append(" = c.").append(quoted(key.childColumns().get(i)));
            }
            String sql = "select count(*) from " + table(key.child()) + " c where true" + notNull
                    + " and not exists (select 1 from " + quoted(key.parent()) + " p where " + match + ")";
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                long rows = rs.getLong(1);
                if (rows > 0) {
                    broken.add(key.name() + " on " + key.child() + ": " + rows + " rows");
                }
            }
        }
        return broken;
    }

    /** A column owning a sequence (identity or serial), and its sequence (qualified, as pg_get_serial_sequence names it). */
    record SequenceOwner(String table, String column, String sequence) {
    }

    static List<SequenceOwner> sequenceOwners(Connection connection) throws SQLException {
        List<SequenceOwner> owners = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select c.relname, a.attname, pg_get_serial_sequence('public.' || quote_ident(c.relname), a.attname)
                        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
                          and pg_get_serial_sequence('public.' || quote_ident(c.relname), a.attname) is not null
                        order by c.relname, a.attname
                        """)) {
            while (rs.next()) {
                owners.add(new SequenceOwner(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return owners;
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(Schema::quoted).toList());
    }

    /** A table of the public schema, quoted, for a statement whatever its search path. */
    static String table(String name) {
        return "public." + quoted(name);
    }
}
