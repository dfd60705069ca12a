package org.workrelief.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables ({@link TableOwnership}): a module's SQL names its own tables, and another module's
 * only when that module publishes it as a view (created by the owner's migration). Everything else is read through
 * the owner's query methods, which Spring Modulith sees ({@code ModularityTests}).
 *
 * <p>How it reads: every string literal and text block of a module's main sources (comments are not SQL) is searched
 * for the names after {@code from}, {@code join}, {@code update}, {@code into}, {@code table} and the further items
 * of a {@code from a x, b y} list; a name counts when it is a table or view of the map. Table names are lower case
 * in this code base, JPQL names entities in upper camel case, so only lower-case names are matched.
 */
class TableOwnershipTests {

    private static final Path MAIN = Path.of("src/main/java/org/workrelief");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /**
     * Modules whose SQL is not held to the rule, each with its reason.
     * <ul>
     * <li>{@code demo}: the demo loader (floor 10, above every module, nobody depends on it) fills the embedded
     * database of a demonstration, never a town's; it replays history through the real services and reads back the
     * ids it drives them with (enrolled workers, a project's first team) or seeds what no screen writes in one step
     * (bank templates, account kinds). Its SQL is a test fixture's, not a reader's or writer's of record.</li>
     * </ul>
     */
    static final Set<String> EXEMPT = Set.of("demo");

    /**
     * Modules whose tables every module may name. {@code common} is an OPEN module (package-info.java): the shared
     * kernel every module may use whole, and its tables go with it: the audit log is the record of every module's
     * changes, read by {@code accountability} (the viewer and the chain's verification) and by payout's call-back
     * check, and written only through {@code common.audit.AuditLog}; the job runs and the HTTP sessions are read by
     * nobody else. Its own SQL is held to the rule like every module's.
     */
    static final Set<String> OPEN = Set.of("common");

    @Test
    void aModuleNamesOnlyItsOwnTablesAndTheViewsOthersPublish() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> modules = Files.list(MAIN)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                String name = module.getFileName().toString();
                if (EXEMPT.contains(name)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(module)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        violations.addAll(violations(name, MAIN.relativize(file).toString(),
                                Files.readString(file, StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        assertThat(violations).as("SQL naming another module's table (read it through the owner's query method, "
                + "or a view the owner publishes in its migration and lists in TableOwnership)").isEmpty();
    }

    @Test
    void theMapListsEveryTableAndViewTheMigrationsCreateAndNoOther() throws IOException {
        Set<String> created = new TreeSet<>();
        Set<String> views = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
        Pattern drop = Pattern.compile("(?i)\\bdrop\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList()) {
                String sql = withoutSqlComments(Files.readString(file, StandardCharsets.UTF_8));
                Matcher m = create.matcher(sql);
                while (m.find()) {
                    created.add(m.group(2).toLowerCase(Locale.ROOT));
                    if (m.group(1).equalsIgnoreCase("view")) {
                        views.add(m.group(2).toLowerCase(Locale.ROOT));
                    }
                }
                Matcher d = drop.matcher(sql);
                while (d.find()) {
                    created.remove(d.group(1).toLowerCase(Locale.ROOT));
                    views.remove(d.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(new TreeSet<>(TableOwnership.OWNER.keySet())).as("tables and views in TableOwnership")
                .isEqualTo(created);
        assertThat(new TreeSet<>(TableOwnership.PUBLISHED_VIEWS)).as("views listed as published").isEqualTo(views);
    }

    @Test
    void everyOwnerIsAModule() {
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(MAIN)) {
            dirs.filter(Files::isDirectory).forEach(d -> modules.add(d.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(modules).containsAll(TableOwnership.OWNER.values());
    }

    /** The check itself: a planted read of another module's table is caught, a published view and the own table are not. */
    @Test
    void theCheckFindsAnotherModulesTableInAStringOrATextBlockButNotInAComment() {
        String source = """
                class Planted {
                    // select * from payout_line  (a comment is not SQL)
                    String own = "select * from project_figures f";
                    String block = '''
                            select b.id from payout_batch b, payout_line l
                            join worker w on w.id = l.worker_id
                            where b.id = l.batch_id''';
                    String write = "update enrollment set status = 'LEFT'";
                    String entity = "select w from Worker w";
                }
                """.replace("'''", "\"\"\"");
        assertThat(violations("dashboard", "dashboard/Planted.java", source)).containsExactly(
                "dashboard/Planted.java names payout_batch (table of payout)",
                "dashboard/Planted.java names payout_line (table of payout)",
                "dashboard/Planted.java names worker (table of worker)",
                "dashboard/Planted.java names enrollment (table of worker)");
    }

    static List<String> violations(String module, String file, String source) {
        List<String> found = new ArrayList<>();
        for (String literal : stringLiterals(source)) {
            for (String table : tablesNamed(withoutSqlComments(literal))) {
                String owner = TableOwnership.OWNER.get(table);
                if (owner != null && !owner.equals(module) && !OPEN.contains(owner)
                        && !TableOwnership.PUBLISHED_VIEWS.contains(table)) {
                    found.add(file + " names " + table + " (table of " + owner + ")");
                }
            }
        }
        return found;
    }

    private static final Pattern NAMED = Pattern.compile(
            "(?i:\\b(from|join|update|into|table)\\s+(?:only\\s+)?)([a-z_][a-z0-9_]*)");
    private static final Pattern LIST_ITEM = Pattern.compile(
            "\\G(?:\\s+(?i:as\\s+)?(?!(?i:where|join|on|left|right|inner|full|cross|group|order|limit|set|union|having|returning|for|natural|using|window|offset|values)\\b)[a-z_][a-z0-9_]*)?\\s*,\\s*([a-z_][a-z0-9_]*)");

    /** The names after from/join/update/into/table, and the further items of a comma-separated from list. */
    static List<String> tablesNamed(String sql) {
        List<String> names = new ArrayList<>();
        Matcher m = NAMED.matcher(sql);
        while (m.find()) {
            names.add(m.group(2));
            if (m.group(1).equalsIgnoreCase("from")) {
                int at = m.end();
                Matcher item = LIST_ITEM.matcher(sql);
                while (item.find(at) && item.start() == at) {
                    names.add(item.group(1));
                    at = item.end();
                }
            }
        }
        return names;
    }

    /** The contents of the string literals and text blocks of a Java source, comments skipped. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = lineEnd(source, i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < n && !source.startsWith("\"\"\"", end)) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                literals.add(source.substring(i + 3, Math.min(end, n)));
                i = end + 3;
            } else if (c == '"') {
                int end = i + 1;
                while (end < n && source.charAt(end) != '"' && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                literals.add(source.substring(i + 1, Math.min(end, n)));
                i = end + 1;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != '\'') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }

    private static int lineEnd(String s, int from) {
        int end = s.indexOf('\n', from);
        return end < 0 ? s.length() : end;
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
