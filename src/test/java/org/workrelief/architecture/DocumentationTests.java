package org.workrelief.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README and docs/ stand alone and lead somewhere: every relative link names a file of this repository (and a
 * heading of it, when it names one), nothing points outside the repository, and each of the README's rules 1 to 10
 * leads in one hop to the class that holds it and to its section in docs/architecture.md.
 */
class DocumentationTests {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern RULE = Pattern.compile("^(\\d+)\\. \\*\\*");

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolvesToAFileAndHeadingOfTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            for (String target : links(doc)) {
                if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
                    continue; // http:, https:, mailto: ... are not this repository's
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such file)");
                }
                else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void nothingPointsOutsideTheRepository() {
        List<String> outside = new ArrayList<>();
        for (Path doc : documents()) {
            List<String> lines = read(doc);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.contains("../shared") || line.contains("/work/") || line.contains("](/")) {
                    outside.add(ROOT.relativize(doc) + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertThat(outside).as("references to files outside this repository").isEmpty();
    }

    @Test
    void eachOfTheReadmesRulesLeadsInOneHopToTheClassThatHoldsItAndToItsSection() {
        Map<Integer, String> rules = new HashMap<>();
        boolean inRules = false;
        Integer current = null;
        for (String line : read(ROOT.resolve("README.md"))) {
            if (line.startsWith("## ")) {
                inRules = line.equals("## Rules");
                current = null;
                continue;
            }
            if (!inRules) {
                continue;
            }
            Matcher rule = RULE.matcher(line);
            if (rule.find()) {
                current = Integer.valueOf(rule.group(1));
                rules.put(current, line);
            }
            else if (current != null && line.startsWith(" ")) {
                rules.merge(current, " " + line.strip(), String::concat);
            }
        }
        assertThat(rules.keySet()).as("the README's rules").containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Set<String> sections = anchors(ROOT.resolve("docs/architecture.md"));
        rules.forEach((number, text) -> {
            List<String> targets = new ArrayList<>();
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                targets.add(link.group(2));
            }
            assertThat(targets).as("rule %d links to the Java class that holds it", number)
                    .anySatisfy(target -> {
                        assertThat(target).startsWith("src/main/java/org/workrelief/").endsWith(".java");
                        assertThat(ROOT.resolve(target)).isRegularFile();
                    });
            assertThat(targets).as("rule %d links to its section of docs/architecture.md", number)
                    .anySatisfy(target -> {
                        assertThat(target).startsWith("docs/architecture.md#rule-" + number + "-");
                        assertThat(sections).contains(target.substring(target.indexOf('#') + 1));
                    });
        });
    }

    /** README.md and every Markdown file under docs/. */
    private static List<Path> documents() {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** The link targets of a document, outside code blocks and code spans. */
    private static List<String> links(Path doc) {
        List<String> targets = new ArrayList<>();
        for (String line : prose(doc)) {
            Matcher link = LINK.matcher(line.replaceAll("``[^`]*``|`[^`\\[\\]]*`", "``"));
            while (link.find()) {
                targets.add(link.group(2));
            }
        }
        return targets;
    }

    /** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(Path doc) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(doc)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int times = seen.merge(slug, 1, Integer::sum);
                anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
            }
        }
        return anchors;
    }

    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            }
            else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** The lines of a document outside fenced code blocks. */
    private static List<String> prose(Path doc) {
        List<String> prose = new ArrayList<>();
        boolean fenced = false;
        for (String line : read(doc)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                prose.add(line);
            }
        }
        return prose;
    }

    private static List<String> read(Path doc) {
        try {
            return Files.readAllLines(doc);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
