package org.workrelief.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.workrelief.payout.BatchStatus;
import org.workrelief.payout.CallbackCheck;
import org.workrelief.payout.ConfirmationService;
import org.workrelief.payout.LineStatus;

/**
 * Named SQL (docs/architecture.md): the files moved to Spring's {@code JdbcClient} stay so. In each, no
 * {@code JdbcTemplate} (a real JDBC batch goes through {@code NamedParameterJdbcTemplate}), no positional read
 * ({@code rs.getString(1)}), no positional parameter (a {@code ?} in a string or text block) and, in payout's, no
 * batch or line status, call-back answer or confirmation method typed in quotes into the SQL: it is bound from its
 * enum or constant, or, where a partial index needs the constant, written from it ({@code '%s'.formatted(...)}).
 */
class NamedSqlTests {

    private static final Path MAIN = Path.of("src/main/java/org/workrelief");

    /**
     * Kept on JdbcTemplate, with the reason in docs/architecture.md: the sign-in's one round trip. (The
     * {@code *AuditNames} classes are not SQL of their own: {@code common.audit.AuditRecordNames} asks each for a
     * query with one array parameter, {@code any(?)}, that the audit viewer runs.)
     */
    private static final Set<String> KEPT = Set.of("attendance/PunchService.java");

    /** Payout's files moved so far; the rest of the module follows. */
    private static final List<String> PAYOUT = List.of("BankService.java", "BankTemplates.java", "CallbackService.java",
            "CallbackStore.java", "WageLedger.java");

    private static final Pattern POSITIONAL_READ = Pattern.compile("\\brs\\.get\\w+\\(\\s*\\d");

    static Stream<Path> named() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String module : List.of("supervision", "attendance")) {
            try (Stream<Path> sources = Files.list(MAIN.resolve(module))) {
                sources.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !KEPT.contains(module + "/" + f.getFileName()))
                        .filter(f -> !f.getFileName().toString().endsWith("AuditNames.java")).forEach(files::add);
            }
        }
        PAYOUT.forEach(file -> files.add(MAIN.resolve("payout").resolve(file)));
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("named")
    void itsSqlIsNamed(Path file) throws IOException {
        String name = MAIN.relativize(file).toString().replace('\\', '/');
        assertThat(violations(name, Files.readString(file, StandardCharsets.UTF_8))).isEmpty();
    }

    /** The check itself: each way back to positional SQL is caught, the named forms are not. */
    @Test
    void theCheckFindsPositionalSqlAndATypedStatus() {
        String source = """
                import org.springframework.jdbc.core.JdbcTemplate;
                class Planted {
                    // where id = ? (a comment is not SQL)
                    String named = "update payout_line set status = :paid where id = :lineId and status = '%s'";
                    String positional = '''
                            update payout_batch set settled_at = ? where id = ?''';
                    String typed = "select count(*) from payout_line where status = 'PENDING'";
                    long id(java.sql.ResultSet rs) { return rs.getLong(1) + rs.getLong("id"); }
                    boolean either(boolean a) { return a ? true : false; }
                }
                """.replace("'''", "\"\"\"");
        assertThat(violations("payout/Planted.java", source)).containsExactly(
                "payout/Planted.java uses JdbcTemplate",
                "payout/Planted.java reads a column by position: rs.getLong(1",
                "payout/Planted.java has a positional parameter: update payout_batch set settled_at = ? where id = ?",
                "payout/Planted.java types the status 'PENDING' into: select count(*) from payout_line where status = 'PENDING'");
    }

    static List<String> violations(String file, String source) {
        List<String> found = new ArrayList<>();
        if (source.contains("import org.springframework.jdbc.core.JdbcTemplate;")) {
            found.add(file + " uses JdbcTemplate");
        }
        POSITIONAL_READ.matcher(source).results()
                .forEach(read -> found.add(file + " reads a column by position: " + read.group()));
        List<String> statuses = file.startsWith("payout/") ? statuses() : List.of();
        for (String literal : TableOwnershipTests.stringLiterals(source)) {
            String sql = TableOwnershipTests.withoutSqlComments(literal);
            if (sql.contains("?")) {
                found.add(file + " has a positional parameter: " + sql.strip());
            }
            statuses.stream().filter(status -> sql.contains("'" + status + "'"))
                    .forEach(status -> found.add(file + " types the status '" + status + "' into: " + sql.strip()));
        }
        return found;
    }

    private static List<String> statuses() {
        List<String> names = new ArrayList<>();
        Stream.of(BatchStatus.values(), LineStatus.values(), ConfirmationService.Method.values())
                .flatMap(Arrays::stream).map(Enum::name).forEach(names::add);
        names.addAll(List.of(CallbackCheck.SAME, CallbackCheck.DIFFERS, CallbackCheck.CORRECTED, CallbackCheck.DECIDED));
        return names;
    }
}
