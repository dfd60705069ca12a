package org.workrelief.accountability;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.workrelief.common.web.MoneyFormat;

import tools.jackson.databind.JsonNode;

/**
 * How a logged value reads to a clerk: a code by its label (the label its own screen uses), money as
 * money, an instant in the project's time zone, a worker or an account by their name, a list of
 * workers by its size (and, when short, their names), an anomaly of a daily review by its kind and whom
 * it concerns. Which fields are which is decided here, by the fields' names, in one place.
 */
@Component
class AuditValues {

    /** Amounts of yuan ({@code Kind.field} for a name that means money only for one kind of record). */
    static final Set<String> MONEY = Set.of("amount", "payable", "deduction", "dayRate", "valuation",
            "guaranteedDividend", "centralFunds", "localFunds", "socialCapital", "plannedRemuneration",
            "incomeTargetPerWorker", "TransferredAsset.value");

    /** Percentages. */
    static final Set<String> PERCENT = Set.of("equityPercent");

    /** A worker's id. */
    static final Set<String> WORKER = Set.of("workerId", "worker", "witness", "leaderWorkerId");

    /** Ids of other records, by the kind of record they name (read with the page's record names). */
    static final Map<String, String> RECORDS = Map.of("townId", "Town", "projectId", "Project");

    /** A list of workers' ids. */
    static final Set<String> WORKERS = Set.of("workers", "witnesses");

    /** An account's user name. */
    static final Set<String> USER = Set.of("user", "recorder");

    /** A daily review's anomaly key ({@code HALF_DAY:w59}, {@code HAND_RECORDED:js-staff} ...). */
    static final String ANOMALY = "anomaly";

    /** Lists of workers this long or shorter are shown by name as well as by their number. */
    static final int NAMED_WORKERS = 5;

    /**
     * The labels of coded values ({@code Kind.field} or {@code field}): the message key prefix their own
     * screens use. {@code audit.value.<Kind>.<CODE>} comes before these, {@code audit.value.<CODE>} after.
     */
    static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("Project.status", "project.status."),
            Map.entry("contractingMode", "project.contractingMode."),
            Map.entry("entityKind", "project.entityKind."),
            Map.entry("PayoutBatch.status", "payout.status."),
            Map.entry("DailyReview.status", "review.status."),
            Map.entry("decision", "review.decision."),
            Map.entry("quality", "review.quality."),
            Map.entry("Enrollment.status", "enrollment.status."),
            Map.entry("Enrollment.source", "enrollment.source."),
            Map.entry("householdStatus", "worker.householdStatus."),
            Map.entry("skillType", "team.skillType."),
            Map.entry("slot", "slot."),
            Map.entry("method", "payout.confirm.method."),
            Map.entry("role", "role."),
            Map.entry("CommitteeMember.kind", "committee.kind."),
            Map.entry("TrainingSession.kind", "training.kind."),
            Map.entry("OperationJob.kind", "job.kind."),
            Map.entry("PublicPost.kind", "public.kind."),
            Map.entry("Dividend.rule", "asset.split."));

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern WORD_CODE = Pattern.compile("\\b[A-Z][A-Z_]+\\b");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int LIST_SHOWN = 8;

    private final MessageSource messages;
    private final MoneyFormat money;
    private final Clock clock;

    AuditValues(MessageSource messages, MoneyFormat money, Clock clock) {
        this.messages = messages;
        this.money = money;
        this.clock = clock;
    }

    /** The workers and accounts a page's values name, gathered before their names are read (in one query each). */
    record References(Set<String> workers, Set<String> users, Map<String, Set<String>> records) {
    }

    /** The names read for {@link References}: a worker's "name code" by id, a person's name by user name. */
    record Names(Map<String, String> workers, Map<String, String> users, Map<String, Map<String, String>> records,
            Locale locale) {
    }

    /** Notes which workers and accounts this value names. */
    void collect(String kind, String field, JsonNode value, References refs) {
        if (value == null || value.isNull()) {
            return;
        }
        if (WORKERS.contains(field) && value.isArray() && value.size() <= NAMED_WORKERS) {
            value.valueStream().filter(JsonNode::isNumber).forEach(id -> refs.workers().add(id.asString()));
        }
        else if (WORKER.contains(field) && value.isNumber()) {
            refs.workers().add(value.asString());
        }
        else if (RECORDS.containsKey(field) && value.isNumber()) {
            refs.records().computeIfAbsent(RECORDS.get(field), named -> new java.util.LinkedHashSet<>()).add(value.asString());
        }
        else if (USER.contains(field) && value.isString()) {
            refs.users().add(value.asString());
        }
        else if (ANOMALY.equals(field) && value.isString()) {
            collectAnomaly(value.asString(), refs);
        }
    }

    /** Notes whom an anomaly key concerns: a worker ({@code KIND:w<id>}) or the account that entered sign-ins. */
    void collectAnomaly(String key, References refs) {
        Anomaly anomaly = Anomaly.of(key);
        if (anomaly.workerId() != null) {
            refs.workers().add(anomaly.workerId());
        }
        if (anomaly.user() != null) {
            refs.users().add(anomaly.user());
        }
    }

    /** The value as text in the page's language; null for no value. */
    String text(String kind, String field, JsonNode value, Names names) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (WORKERS.contains(field) && value.isArray()) {
            return workers(value, names);
        }
        if (value.isArray()) {
            String shown = value.valueStream().limit(LIST_SHOWN).map(item -> text(kind, field, item, names))
                    .collect(Collectors.joining(separator(names)));
            return value.size() > LIST_SHOWN ? shown + " … (" + value.size() + ")" : shown;
        }
        if (value.isObject()) {
            String text = value.toString();
            return text.length() > 200 ? text.substring(0, 200) + " …" : text;
        }
        if (value.isBoolean()) {
            return message(names, value.asString(), "audit.value." + value.asString());
        }
        if (value.isNumber()) {
            if (WORKER.contains(field)) {
                return names.workers().getOrDefault(value.asString(), value.asString());
            }
            if (RECORDS.containsKey(field)) {
                return names.records().getOrDefault(RECORDS.get(field), Map.of()).getOrDefault(value.asString(), value.asString());
            }
            if (MONEY.contains(field) || MONEY.contains(kind + "." + field)) {
                return money.format(value.decimalValue());
            }
            if (PERCENT.contains(field)) {
                return value.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
            }
            return value.asString();
        }
        String text = value.asString();
        if (ANOMALY.equals(field)) {
            return anomaly(text, names);
        }
        if (USER.contains(field)) {
            return names.users().getOrDefault(text, text);
        }
        if (INSTANT.matcher(text).matches()) {
            return instant(text);
        }
        if (CODE.matcher(text).matches()) {
            return code(kind, field, text, names);
        }
        return text;
    }

    /**
     * The details the modules write in English words, by their wording, each with its label
     * {@code audit.detail.<name>} taking the pattern's groups as arguments; other details (a file name, a
     * date, a reason someone typed) are shown as written.
     */
    static final List<Map.Entry<Pattern, String>> DETAILS = List.of(
            Map.entry(Pattern.compile("roster import"), "audit.detail.rosterImport"),
            Map.entry(Pattern.compile("(\\d+) rows from (.*)"), "audit.detail.rowsFrom"),
            Map.entry(Pattern.compile("(\\d+) stored, (\\d+) already there, from (.*)"), "audit.detail.punchesFrom"),
            Map.entry(Pattern.compile("AM sign-in arrived after the PM one"), "audit.detail.amAfterPm"),
            Map.entry(Pattern.compile("duties dropped: (\\d+)"), "audit.detail.dutiesDropped"),
            Map.entry(Pattern.compile("batch (\\d+), worker (\\S+)"), "audit.detail.batchWorker"));

    /** An entry's detail in the page's language: a decided anomaly by its kind and whom it concerns, known wording by its label. */
    String detail(String action, String detail, Names names) {
        if (detail == null) {
            return null;
        }
        if ("ANOMALY_DECIDED".equals(action)) {
            return anomaly(detail, names);
        }
        if ("LOGIN_FAILED".equals(action)) {
            // why a sign-in failed: bad, locked or disabled
            return messages.getMessage("audit.detail.login." + detail, null, detail, names.locale());
        }
        for (Map.Entry<Pattern, String> known : DETAILS) {
            var matched = known.getKey().matcher(detail);
            if (matched.matches()) {
                Object[] args = new Object[matched.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = matched.group(i + 1);
                }
                return messages.getMessage(known.getValue(), args, detail, names.locale());
            }
        }
        return detail;
    }

    /** An anomaly key as its kind's label and whom or what it concerns: "半天出勤：张三 JS000059". */
    String anomaly(String key, Names names) {
        Anomaly anomaly = Anomaly.of(key);
        String label = messages.getMessage("anomaly.kind." + anomaly.kind(), null, null, names.locale());
        if (label == null) {
            return key;
        }
        String about = null;
        if (anomaly.workerId() != null) {
            about = names.workers().getOrDefault(anomaly.workerId(), null);
        }
        else if (anomaly.user() != null) {
            about = names.users().getOrDefault(anomaly.user(), anomaly.user());
        }
        else if (anomaly.device() != null) {
            about = messages.getMessage("audit.anomaly.device", new Object[] { anomaly.device(),
                    anomaly.at() == null ? "" : MINUTES.format(anomaly.at().atZone(clock.getZone())) }, names.locale());
        }
        return about == null ? label : messages.getMessage("audit.anomaly", new Object[] { label, about }, names.locale());
    }

    /**
     * A record's name with the codes in it labelled ("2026-12-01 PM", a sign-in, reads "2026-12-01 下午"):
     * each word of capitals that has a label {@code audit.value.<Kind>.<CODE>} or {@code audit.value.<CODE>}.
     */
    String recordName(String kind, String name, Names names) {
        if (name == null || !WORD_CODE.matcher(name).find()) {
            return name;
        }
        StringBuilder labelled = new StringBuilder();
        for (String word : name.split(" ", -1)) {
            if (!labelled.isEmpty()) {
                labelled.append(' ');
            }
            labelled.append(WORD_CODE.matcher(word).matches() ? messages.getMessage(new DefaultMessageSourceResolvable(
                    new String[] { "audit.value." + kind + "." + word, "audit.value." + word }, null, word), names.locale()) : word);
        }
        return labelled.toString();
    }

    private String workers(JsonNode list, Names names) {
        int count = list.size();
        String people = messages.getMessage("audit.value.people", new Object[] { count }, names.locale());
        if (count == 0 || count > NAMED_WORKERS) {
            return count == 0 ? "—" : people;
        }
        List<String> named = new ArrayList<>(count);
        for (JsonNode id : list) {
            named.add(names.workers().getOrDefault(id.asString(), id.asString()));
        }
        return messages.getMessage("audit.value.peopleNamed", new Object[] { people, String.join(separator(names), named) },
                names.locale());
    }

    private String code(String kind, String field, String code, Names names) {
        List<String> keys = new ArrayList<>(4);
        keys.add("audit.value." + kind + "." + code);
        if (CODES.containsKey(kind + "." + field)) {
            keys.add(CODES.get(kind + "." + field) + code);
        }
        if (CODES.containsKey(field)) {
            keys.add(CODES.get(field) + code);
        }
        keys.add("audit.value." + code);
        return messages.getMessage(new DefaultMessageSourceResolvable(keys.toArray(String[]::new), null, code), names.locale());
    }

    private String instant(String text) {
        try {
            Instant at = OffsetDateTime.parse(text).toInstant();
            return MINUTES.format(at.atZone(clock.getZone()));
        }
        catch (DateTimeParseException notAnInstant) {
            return text;
        }
    }

    private String message(Names names, String fallback, String key) {
        return messages.getMessage(new DefaultMessageSourceResolvable(new String[] { key }, null, fallback), names.locale());
    }

    private String separator(Names names) {
        return messages.getMessage("audit.value.separator", null, ", ", names.locale());
    }

    /** The parts of an anomaly key, as the supervision module writes them. */
    record Anomaly(String kind, String workerId, String user, String device, Instant at) {

        private static final Pattern WORKER_KEY = Pattern.compile("([A-Z_]+):w(\\d{1,18})");
        private static final Pattern BURST_KEY = Pattern.compile("DEVICE_BURST:(.+):(\\d{1,12})");

        static Anomaly of(String key) {
            var worker = WORKER_KEY.matcher(key);
            if (worker.matches()) {
                return new Anomaly(worker.group(1), worker.group(2), null, null, null);
            }
            var burst = BURST_KEY.matcher(key);
            if (burst.matches()) {
                return new Anomaly("DEVICE_BURST", null, null, burst.group(1), Instant.ofEpochSecond(Long.parseLong(burst.group(2))));
            }
            if (key.startsWith("HAND_RECORDED:")) {
                return new Anomaly("HAND_RECORDED", null, key.substring("HAND_RECORDED:".length()), null, null);
            }
            return new Anomaly(key.contains(":") ? key.substring(0, key.indexOf(':')) : key, null, null, null, null);
        }
    }
}
