package org.workrelief.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every operation code and kind of record the code writes to the audit log is in the catalog the viewer
 * offers, and has a label in Chinese and in English: a clerk never reads PAYOUT_LINE_DEDUCTED.
 */
class AuditCatalogTests {

    private static final Path JAVA = Path.of("src/main/java");
    /** The operation given to AuditEvent.of(...), or to a module's audit(actor, ...)/auditLine(actor, ...) helper. */
    private static final Pattern OPERATION_CALL = Pattern.compile(
            "(?:AuditEvent\\.of|\\baudit|\\bauditLine)\\(\\s*(?:\\w+(?:\\.\\w+\\(\\))?\\s*,\\s*)?([^,]+?),", Pattern.DOTALL);
    private static final Pattern KIND_CALL = Pattern.compile("AuditEvent\\.of\\([^,]+,\\s*\"(\\w+)\"");
    private static final Pattern ASSET_KIND = Pattern.compile("audit\\(actor, \"[A-Z_]+\", \"(\\w+)\"");
    private static final Pattern KIND_CONSTANT = Pattern.compile("static final String (?:ENTITY\\w*|LINE) = \"(\\w+)\"");
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");

    @Test
    void everyOperationTheCodeWritesIsListedAndLabelledInBothLanguages() throws IOException {
        Set<String> written = new TreeSet<>();
        for (String source : auditingSources()) {
            Matcher call = OPERATION_CALL.matcher(source);
            while (call.find()) {
                Matcher code = CODE.matcher(call.group(1));
                while (code.find()) {
                    written.add(code.group(1));
                }
            }
        }
        // the scan finds what it should (a broken pattern must not pass by finding nothing)
        assertThat(written).hasSizeGreaterThan(60).contains("LOGIN_SUCCEEDED", "PAYOUT_LINE_DEDUCTED", "ENROLLED",
                "USER_DISABLED", "CONFIRMATION_RECORDED", "PUNCH_RECORDED");
        assertThat(AuditCatalog.OPERATIONS).as("operations offered by the viewer").containsAll(written);
        assertLabelled("audit.op.", AuditCatalog.OPERATIONS);
    }

    @Test
    void everyKindOfRecordTheCodeWritesIsListedAndLabelledInBothLanguages() throws IOException {
        Set<String> written = new TreeSet<>();
        for (String source : auditingSources()) {
            for (Pattern pattern : new Pattern[] { KIND_CALL, ASSET_KIND, KIND_CONSTANT }) {
                Matcher kind = pattern.matcher(source);
                while (kind.find()) {
                    written.add(kind.group(1));
                }
            }
        }
        assertThat(written).hasSizeGreaterThan(15).contains("PayoutLine", "Worker", "AttendanceDay", "Dividend");
        assertThat(AuditCatalog.RECORD_KINDS).as("kinds of record the viewer names").containsAll(written);
        assertLabelled("audit.kind.", AuditCatalog.RECORD_KINDS);
    }

    private static void assertLabelled(String prefix, Iterable<String> codes) throws IOException {
        for (String file : new String[] { "messages.properties", "messages_en.properties" }) {
            Properties messages = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", file), StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
            Set<String> missing = new TreeSet<>();
            codes.forEach(code -> {
                if (messages.getProperty(prefix + code) == null) {
                    missing.add(prefix + code);
                }
            });
            assertThat(missing).as("labels missing in " + file).isEmpty();
        }
    }

    private static Set<String> auditingSources() throws IOException {
        Set<String> sources = new java.util.LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (source.contains("audit") || source.contains("Audit")) {
                    sources.add(source);
                }
            }
        }
        return sources;
    }
}
