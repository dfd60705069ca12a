package org.workrelief.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What PostgreSQL plans for a statement, as EXPLAIN tells it with the statement's own parameter
 * values: here, which of some tables it would read by a sequential scan.
 */
public final class QueryPlans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QueryPlans() {
    }

    /** The tables of {@code watched} the plan reads by a sequential scan (empty: by indexes only). */
    public static List<String> sequentialScans(Connection connection, StatementCounter.Executed statement,
            Set<String> watched) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("explain (format json) " + statement.sql())) {
            statement.bind(explain);
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                List<String> found = new ArrayList<>();
                collect(JSON.readTree(rs.getString(1)).get(0).get("Plan"), watched, found);
                return found;
            }
        }
    }

    /**
     * The tables the plan reads, whatever names the statement gives them: a view stands in the plan as the tables it
     * reads (the modules read each other's tables through published views).
     */
    public static Set<String> tablesRead(Connection connection, StatementCounter.Executed statement) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("explain (format json) " + statement.sql())) {
            statement.bind(explain);
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                Set<String> found = new TreeSet<>();
                relations(JSON.readTree(rs.getString(1)).get(0).get("Plan"), found);
                return found;
            }
        }
    }

    private static void relations(JsonNode node, Set<String> found) {
        String relation = node.path("Relation Name").asString("");
        if (!relation.isEmpty()) {
            found.add(relation);
        }
        for (JsonNode child : node.path("Plans")) {
            relations(child, found);
        }
    }

    /** The whole plan as text, for a failure message; analyzed: run, with the time of each step. */
    public static String plan(Connection connection, StatementCounter.Executed statement, boolean analyzed)
            throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement(
                (analyzed ? "explain (analyze, buffers) " : "explain ") + statement.sql())) {
            statement.bind(explain);
            StringBuilder text = new StringBuilder();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
            return text.toString();
        }
    }

    /**
     * Runs the statement under EXPLAIN ANALYZE and sums the rows its scans of {@code table} returned
     * or removed by a filter or a recheck, every loop counted: about how many of the table's rows it
     * read, whatever index it went through (EXPLAIN gives rows per loop rounded, so it may be a little
     * under).
     */
    public static long rowsRead(Connection connection, StatementCounter.Executed statement, String table)
            throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("explain (analyze, format json) " + statement.sql())) {
            statement.bind(explain);
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                return rowsRead(JSON.readTree(rs.getString(1)).get(0).get("Plan"), table);
            }
        }
    }

    private static long rowsRead(JsonNode node, String table) {
        long rows = table.equals(node.path("Relation Name").asString(""))
                ? Math.round((node.path("Actual Rows").asDouble(0) + node.path("Rows Removed by Filter").asDouble(0)
                        + node.path("Rows Removed by Index Recheck").asDouble(0)) * node.path("Actual Loops").asDouble(0))
                : 0;
        for (JsonNode child : node.path("Plans")) {
            rows += rowsRead(child, table);
        }
        return rows;
    }

    private static void collect(JsonNode node, Set<String> watched, List<String> found) {
        if (node == null) {
            return;
        }
        String relation = node.path("Relation Name").asString("");
        if ("Seq Scan".equals(node.path("Node Type").asString("")) && watched.contains(relation)) {
            found.add(relation);
        }
        for (JsonNode child : node.path("Plans")) {
            collect(child, watched, found);
        }
    }
}
