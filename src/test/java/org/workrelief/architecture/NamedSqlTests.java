package org.workrelief.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.workrelief.attendance.DayStatus;
import org.workrelief.attendance.PunchSource;
import org.workrelief.attendance.Slot;
import org.workrelief.payout.BatchStatus;
import org.workrelief.payout.ConfirmationService;
import org.workrelief.payout.LineStatus;
import org.workrelief.supervision.AnomalyKind;
import org.workrelief.supervision.Decision;
import org.workrelief.supervision.MemberKind;
import org.workrelief.supervision.QualityResult;
import org.workrelief.supervision.ReviewStatus;

/**
 * The SQL of payout, supervision and attendance is named SQL (issue 21): {@code JdbcClient} with named parameters,
 * rows read by column name, the statuses and kinds the module stores taken from their enums (bound, or written into a
 * constant fragment from the enum's {@code name()} where a partial index needs the literal), and the who/when
 * columns written by {@code common/db/RowStamp}.
 *
 * <p>How it reads: each main source file of the module, comments left out, is searched for the {@code JdbcTemplate}
 * class, a positional read ({@code rs.getLong(1)}), a {@code .param(value)} without a name, one of the module's
 * enum values typed in quotes ({@code 'DRAFT'}), and a who/when column assigned or listed by hand
 * ({@code updated_at = }, {@code created_at, created_by}). One file is let off
 * some checks, for the reason given with them.
 */
class NamedSqlTests {

    /**
     * Checks a file is let off, and why: the sign-in's write is one multi-statement round trip with several results,
     * which only {@code JdbcTemplate.execute} gives, its parameters positional and its rows written as they are
     * (docs/architecture.md, named SQL); its results are still read by column name.
     */
    private static final Map<String, Set<String>> LET_OFF = Map.of("PunchService.java",
            Set.of("JdbcTemplate", "stored value typed into SQL", "who/when columns by hand"));

    static Stream<Arguments> modules() {
        return Stream.of(
                Arguments.of("payout", List.of(BatchStatus.values(), LineStatus.values(), ConfirmationService.Method.values())),
                Arguments.of("supervision", List.of(ReviewStatus.values(), Decision.values(), MemberKind.values(),
                        QualityResult.values(), AnomalyKind.values())),
                Arguments.of("attendance", List.of(DayStatus.values(), PunchSource.values(), Slot.values())));
    }

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);

    /** The positional template; {@code NamedParameterJdbcTemplate} stays for a JDBC batch, which JdbcClient lacks. */
    private static final Pattern JDBC_TEMPLATE = Pattern.compile("\\bJdbcTemplate\\b");

    private static final Pattern POSITIONAL_READ = Pattern.compile("\\brs\\.get\\w+\\(\\s*\\d");

    private static final Pattern UNNAMED_PARAM = Pattern.compile("\\.param\\(\\s*(?!\")");

    private static final Pattern HAND_STAMP = Pattern.compile("\\b(created_at|updated_at)\\s*=|created_at,\\s*created_by");

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void theModulesSqlIsNamedWithValuesFromTheirEnumsAndStampsFromRowStamp(String module, List<Enum<?>[]> stored)
            throws IOException {
        Pattern typedValue = Pattern.compile("'(" + stored.stream().flatMap(Stream::of).map(Enum::name).distinct()
                .collect(Collectors.joining("|")) + ")'");
        List<String> violations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> all = Files.list(Path.of("src/main/java/org/workrelief", module))) {
            files = all.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path file : files) {
            String name = file.getFileName().toString();
            String code = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
            Set<String> letOff = LET_OFF.getOrDefault(name, Set.of());
            Map.of("JdbcTemplate", JDBC_TEMPLATE, "positional read", POSITIONAL_READ, "unnamed parameter", UNNAMED_PARAM,
                    "stored value typed into SQL", typedValue, "who/when columns by hand", HAND_STAMP)
                    .forEach((what, pattern) -> {
                        if (!letOff.contains(what)) {
                            find(violations, name, code, pattern, what);
                        }
                    });
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
