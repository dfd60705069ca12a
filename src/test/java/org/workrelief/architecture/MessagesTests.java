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
    private static final Pattern FRAGMENT_LABEL = Pattern.compile("::\\s*input\\('([\\w.]+)'");
    private static final Pattern JAVA_KEY = Pattern.compile(
            "\"((?:user|town|password|login|error|role|home|nav|action|list|page|app)\\.[a-zA-Z][\\w.]*\\w)\"");

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> chinese = load("messages.properties").stringPropertyNames();
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(chinese)).as("keys only in Chinese").containsAll(english);
        assertThat(new TreeSet<>(english)).as("keys only in English").containsAll(chinese);
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
                collect(JAVA_KEY, Files.readString(file), used);
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
    void everyRoleHasANameOnScreen() throws IOException {
        Set<String> used = new HashSet<>();
        Arrays.stream(Role.values()).forEach(role -> used.add("role." + role.name()));
        assertKeysExist(used);
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
