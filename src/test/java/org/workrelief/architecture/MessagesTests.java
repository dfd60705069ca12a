package org.workrelief.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.workrelief.account.Role;
import org.workrelief.project.ContractingMode;
import org.workrelief.project.EntityKind;
import org.workrelief.project.ProjectStatus;
import org.workrelief.team.SkillType;
import org.workrelief.worker.EnrollmentStatus;
import org.workrelief.worker.HouseholdStatus;
import org.workrelief.worker.RecruitmentSource;
import org.workrelief.worker.Sex;

/**
 * Every screen string goes through a message key, and every key exists in Chinese and in English.
 * Keys are collected from templates ({@code #{key}}, {@code #messages.msg('key')}, fragment labels)
 * and from Java sources (message-key string literals such as {@code "user.username.taken"}).
 */
class MessagesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*[\\w])(?:\\(|})");
    private static final Pattern MSG_CALL = Pattern.compile("#messages\\.msg\\('([a-zA-Z][\\w.]*\\w)'\\)");
    private static final Pattern FRAGMENT_LABEL = Pattern.compile("::\\s*(?:field|money|enumSelect)\\('([\\w.]+)'");
    private static final Pattern JAVA_KEY = Pattern.compile(
            "\"((?:user|town|password|login|error|role|home|nav|action|list|page|app|project|team|worker|enrollment|roster|import|money|count|field|attendance|rollcall|device|punch|api|slot|committee|duty|review|anomaly|audit|weekday|payout|notice|training|asset|job|dashboard|public|sms|complaint|self|arrears|report)\\.[a-zA-Z][\\w.]*\\w)\"");

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> chinese = load("messages.properties").stringPropertyNames();
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(chinese)).as("keys only in Chinese").containsAll(english);
        assertThat(new TreeSet<>(english)).as("keys only in English").containsAll(chinese);
    }

    @Test
    void aMessageWithArgumentsDoublesItsApostrophes() throws IOException {
        // MessageFormat reads a lone ' as the start of quoted text: "project's {1}" would show "projects {1}"
        Pattern loneQuote = Pattern.compile("(?<!')'(?!')");
        for (String file : new String[] { "messages.properties", "messages_en.properties" }) {
            var messages = load(file);
            Set<String> broken = new TreeSet<>();
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                if (text.matches("(?s).*\\{\\d.*") && loneQuote.matcher(text).find()) {
                    broken.add(key);
                }
            }
            assertThat(broken).as("messages of %s with arguments and a lone apostrophe", file).isEmpty();
        }
    }

    @Test
    void everyKeyUsedInATemplateExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                collect(TEMPLATE_KEY, html, used);
                collect(MSG_CALL, html, used);
                collect(FRAGMENT_LABEL, html, used);
            }
        }
        assertThat(used).isNotEmpty();
        assertKeysExist(used);
    }

    @Test
    void everyMessageKeyInTheJavaCodeExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                // sort orders name entity paths ("worker.name"), not message keys
                String code = Files.readAllLines(file).stream().filter(line -> !line.contains("Sort.by("))
                        .collect(java.util.stream.Collectors.joining("\n"));
                collect(JAVA_KEY, code, used);
                Matcher validation = Pattern.compile("message = \"\\{([a-z][\\w.]*\\w)}\"").matcher(Files.readString(file));
                while (validation.find()) {
                    used.add(validation.group(1));
                }
            }
        }
        assertThat(used).contains("user.username.taken", "password.tooShort");
        assertKeysExist(used);
    }

    @Test
    void everyEnumValueShownOnScreenHasAName() throws IOException {
        Set<String> used = new HashSet<>();
        names("role.", Role.values(), used);
        names("project.status.", ProjectStatus.values(), used);
        names("project.entityKind.", EntityKind.values(), used);
        names("project.contractingMode.", ContractingMode.values(), used);
        names("project.fundBatchKind.", org.workrelief.project.FundBatchKind.values(), used);
        names("arrears.kind.", org.workrelief.arrears.ArrearsKind.values(), used);
        names("team.skillType.", SkillType.values(), used);
        names("worker.sex.", Sex.values(), used);
        names("worker.householdStatus.", HouseholdStatus.values(), used);
        names("enrollment.source.", RecruitmentSource.values(), used);
        names("enrollment.status.", EnrollmentStatus.values(), used);
        names("slot.", org.workrelief.attendance.Slot.values(), used);
        names("attendance.day.", org.workrelief.attendance.DayStatus.values(), used);
        Arrays.stream(org.workrelief.attendance.Refusal.values()).forEach(r -> used.add(r.messageKey()));
        names("committee.kind.", org.workrelief.supervision.MemberKind.values(), used);
        names("review.status.", org.workrelief.supervision.ReviewStatus.values(), used);
        names("review.quality.", org.workrelief.supervision.QualityResult.values(), used);
        names("review.decision.", org.workrelief.supervision.Decision.values(), used);
        names("weekday.", java.time.DayOfWeek.values(), used);
        names("payout.status.", org.workrelief.payout.BatchStatus.values(), used);
        names("payout.line.", org.workrelief.payout.LineStatus.values(), used);
        names("training.kind.", org.workrelief.training.TrainingKind.values(), used);
        names("asset.split.", org.workrelief.asset.SplitRule.values(), used);
        names("job.kind.", org.workrelief.asset.JobKind.values(), used);
        names("public.kind.", org.workrelief.publicsite.PostKind.values(), used);
        names("payout.confirm.method.", org.workrelief.payout.ConfirmationService.Method.values(), used);
        names("payout.confirm.evidence.", org.workrelief.payout.ConfirmationService.Method.values(), used);
        used.remove("payout.confirm.evidence.SHEET");
        used.addAll(java.util.List.of("payout.confirm.evidence.SHEET.true", "payout.confirm.evidence.SHEET.false"));
        Arrays.stream(org.workrelief.payout.WitnessPolicy.Ineligible.values()).forEach(i -> used.add(i.messageKey()));
        for (org.workrelief.supervision.AnomalyKind kind : org.workrelief.supervision.AnomalyKind.values()) {
            used.add(kind.messageKey());
            used.add("anomaly.detail." + kind.name());
        }
        names("worker.accountKind.", org.workrelief.worker.AccountKind.values(), used);
        names("payout.bankTemplate.encoding.", org.workrelief.payout.BankTemplate.Encoding.values(), used);
        names("payout.bankTemplate.format.", org.workrelief.payout.BankService.Format.values(), used);
        for (String sort : new String[] { "name", "code", "team", "enrolled", "insurance" }) {
            used.add("roster.sort." + sort);
        }
        assertKeysExist(used);
    }

    private static void names(String prefix, Enum<?>[] values, Set<String> into) {
        Arrays.stream(values).forEach(value -> into.add(prefix + value.name()));
    }

    @Test
    void theTemplatesHaveNoInlineScriptOrStyle() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                assertThat(html).as(file.toString())
                        .doesNotContainPattern("<script(?![^>]*\\bth:src=)[^>]*>")
                        .doesNotContainPattern("\\sstyle=\"")
                        .doesNotContainPattern("\\son[a-z]+=\"");
            }
        }
    }

    private static void assertKeysExist(Set<String> used) throws IOException {
        Properties chinese = load("messages.properties");
        Properties english = load("messages_en.properties");
        assertThat(used.stream().filter(key -> !chinese.containsKey(key)).toList()).as("missing in Chinese").isEmpty();
        assertThat(used.stream().filter(key -> !english.containsKey(key)).toList()).as("missing in English").isEmpty();
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                MessagesTests.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
