package org.workrelief.worker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.workrelief.common.BusinessRuleException;

/**
 * 重点群体: the groups a worker may belong to (several at once), kept in one place. The list and its
 * order come from {@code workrelief.worker.groups} (codes); a group's name is the message
 * {@code worker.group.<CODE>} in the user's language, or, for a group added by configuration only,
 * {@code workrelief.worker.group-names.<CODE>} (its Chinese name, used in both languages). The roster
 * file names groups by their Chinese names.
 */
@Component
public class WorkerGroups {

    /** The separators a clerk may put between several groups in one cell of the roster file. */
    static final String SEPARATORS = "[、,，;；/\\s]+";

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final List<String> codes;
    private final MessageSource messages;
    private final Environment environment;

    WorkerGroups(@Value("${workrelief.worker.groups}") List<String> codes, MessageSource messages, Environment environment) {
        this.codes = codes.stream().map(String::trim).filter(code -> !code.isEmpty()).map(String::toUpperCase)
                .distinct().toList();
        this.messages = messages;
        this.environment = environment;
    }

    /** The configured groups' codes, in their order. */
    public List<String> codes() {
        return codes;
    }

    public boolean known(String code) {
        return codes.contains(code);
    }

    /** The group's name in this language. */
    public String name(String code, Locale locale) {
        String configured = environment.getProperty("workrelief.worker.group-names." + code, code);
        return messages.getMessage("worker.group." + code, null, configured, locale);
    }

    /** Each configured group's code and name, in order, in this language. */
    public Map<String, String> names(Locale locale) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        codes.forEach(code -> names.put(code, name(code, locale)));
        return names;
    }

    /** These groups' names, in the configured order, joined with 、 in Chinese (a comma in other languages). */
    public String joined(Collection<String> groups, Locale locale) {
        String separator = "zh".equals(locale.getLanguage()) ? "、" : ", ";
        return String.join(separator, codes.stream().filter(groups::contains).map(code -> name(code, locale)).toList());
    }

    /** The form's choice checked: only configured codes; none is an empty set. */
    Set<String> checked(Collection<String> chosen) {
        Set<String> groups = new LinkedHashSet<>();
        if (chosen == null) {
            return groups;
        }
        for (String code : chosen) {
            if (code == null || code.isBlank()) {
                continue;
            }
            if (!known(code.trim())) {
                throw new BusinessRuleException("worker.group.unknown", code, allChineseNames());
            }
            groups.add(code.trim());
        }
        return groups;
    }

    /**
     * A cell of the roster file: the groups' Chinese names (or codes), separated by 、 , ; / or spaces;
     * blank is none. An unknown name is refused with the names it may be.
     */
    Set<String> parse(String cell) {
        Set<String> groups = new LinkedHashSet<>();
        if (cell == null || cell.isBlank()) {
            return groups;
        }
        List<String> unknown = new ArrayList<>();
        for (String part : cell.trim().split(SEPARATORS)) {
            String code = codes.stream().filter(c -> c.equalsIgnoreCase(part) || name(c, CHINESE).equals(part))
                    .findFirst().orElse(null);
            if (code == null) {
                unknown.add(part);
            }
            else {
                groups.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new BusinessRuleException("worker.group.unknown", String.join("、", unknown), allChineseNames());
        }
        return groups;
    }

    private String allChineseNames() {
        return String.join("、", codes.stream().map(code -> name(code, CHINESE)).toList());
    }
}
