package org.workrelief.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.workrelief.payout.BatchStatus;
import org.workrelief.payout.ConfirmationService;
import org.workrelief.payout.LineStatus;

/**
 * Payout's SQL is named SQL (issue 21): {@code JdbcClient} with named parameters, rows read by column name, the
 * batch and line statuses and the confirmation methods taken from their enums (bound, or written into a constant
 * fragment from the enum's {@code name()}), and the who/when columns written by {@code common/db/RowStamp}.
 *
 * <p>How it reads: each main source file of the payout package, comments left out, is searched for the
 * {@code JdbcTemplate} class, a positional read ({@code rs.getLong(1)}), a {@code .param(value)} without a name, a
 * status or method typed in quotes ({@code 'DRAFT'}), and a who/when column assigned or listed by hand
 * ({@code updated_at = }, {@code created_at, created_by}).
 */
class PayoutNamedSqlTests {

    private static final Path PAYOUT = Path.of("src/main/java/org/workrelief/payout");

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);

    /** The positional template; {@code NamedParameterJdbcTemplate} stays for a JDBC batch, which JdbcClient lacks. */
    private static final Pattern JDBC_TEMPLATE = Pattern.compile("\\bJdbcTemplate\\b");

    private static final Pattern POSITIONAL_READ = Pattern.compile("\\brs\\.get\\w+\\(\\s*\\d");

    private static final Pattern UNNAMED_PARAM = Pattern.compile("\\.param\\(\\s*(?!\")");

    private static final Pattern HAND_STAMP = Pattern.compile("\\b(created_at|updated_at)\\s*=|created_at,\\s*created_by");

    @Test
    void payoutSqlIsNamedWithStatusesFromTheirEnumsAndStampsFromRowStamp() throws IOException {
        Pattern typedStatus = Pattern.compile("'(" + Stream.of(BatchStatus.values(), LineStatus.values(),
                ConfirmationService.Method.values()).flatMap(Stream::of).map(Enum::name).distinct()
                .collect(Collectors.joining("|")) + ")'");
        List<String> violations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> all = Files.list(PAYOUT)) {
            files = all.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("PayoutService.java", "BankService.java");
        for (Path file : files) {
            String name = file.getFileName().toString();
            String code = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
            find(violations, name, code, JDBC_TEMPLATE, "JdbcTemplate");
            find(violations, name, code, POSITIONAL_READ, "positional read");
            find(violations, name, code, UNNAMED_PARAM, "unnamed parameter");
            find(violations, name, code, typedStatus, "status typed into SQL");
            find(violations, name, code, HAND_STAMP, "who/when columns by hand");
        }
        assertThat(violations).isEmpty();
    }

    private static void find(List<String> violations, String file, String code, Pattern pattern, String what) {
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            violations.add(file + ": " + what + " at \"" + m.group() + "\"");
        }
    }
}
