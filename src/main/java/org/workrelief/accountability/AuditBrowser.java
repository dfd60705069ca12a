package org.workrelief.accountability;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.UserDirectory;
import org.workrelief.common.audit.Actors;
import org.workrelief.common.audit.AuditEntry;
import org.workrelief.common.audit.AuditRecordNames;
import org.workrelief.project.ProjectService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit log for the viewer: their town's rows only (all for county level), newest first, each
 * with its actor's name, its record's name and its changed fields. The names of a page's records are read
 * by the modules that own them ({@link AuditRecordNames}), one query per kind of record on the page.
 */
@Service
public class AuditBrowser {

    /** Beyond this many matching entries the page no longer counts them exactly. */
    public static final int COUNT_LIMIT = 10_000;

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final Clock clock;
    private final UserDirectory users;
    private final JsonMapper json;
    private final Map<String, AuditRecordNames> namers;
    private final AuditValues values;

    AuditBrowser(JdbcTemplate jdbc, ProjectService projects, Clock clock, UserDirectory users, JsonMapper json,
            List<AuditRecordNames> namers, AuditValues values) {
        this.values = values;
        this.jdbc = jdbc;
        this.projects = projects;
        this.clock = clock;
        this.users = users;
        this.json = json;
        this.namers = namers.stream().collect(Collectors.toMap(AuditRecordNames::entityType, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Page<AuditRow> search(SignedInUser viewer, AuditFilter filter, Pageable pageable) {
        return search(viewer, filter, pageable, LocaleContextHolder.getLocale());
    }

    /** As above, the values in this language. */
    @Transactional(readOnly = true)
    public Page<AuditRow> search(SignedInUser viewer, AuditFilter filter, Pageable pageable, Locale locale) {
        viewer.require(Role.ADMIN, Role.SUPERVISOR);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (!viewer.isCountyLevel()) {
            where.append(" and town_id = ?");
            args.add(viewer.townId());
        }
        if (filter.projectId() != null) {
            projects.get(viewer, filter.projectId());
            where.append(" and (project_id = ? or (entity_type = 'Project' and entity_id = ?))");
            args.add(filter.projectId());
            args.add(String.valueOf(filter.projectId()));
        }
        if (hasText(filter.entityType())) {
            where.append(" and entity_type = ?");
            args.add(filter.entityType().trim());
        }
        if (hasText(filter.action())) {
            where.append(" and action = ?");
            args.add(filter.action().trim());
        }
        else if (!filter.includeSignIns()) {
            // sign-ins are most of the log; they are shown when asked for (the box, or the operation chosen)
            where.append(" and action not in (").append(String.join(", ", AuditCatalog.SIGN_INS.stream()
                    .map(code -> "'" + code + "'").toList())).append(")");
        }
        if (hasText(filter.entityId())) {
            where.append(" and entity_id = ?");
            args.add(filter.entityId().trim());
        }
        if (hasText(filter.actor())) {
            // a user name's beginning, or part of a person's name (the page shows names)
            where.append(" and (lower(actor) like ? escape '\\' or actor = any(?))");
            args.add(filter.actor().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            args.add(users.usernamesNamed(filter.actor()).toArray(String[]::new));
        }
        if (filter.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(Timestamp.from(filter.from().atStartOfDay(clock.getZone()).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < ?");
            args.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        }
        // counting every row of a county's log (millions) on each page view is what made it slow: past the
        // limit the page says "more than 10,000" and the pager still walks the newest entries
        List<Object> countArgs = new ArrayList<>(args);
        countArgs.add(COUNT_LIMIT + 1);
        Long total = jdbc.queryForObject("select count(*) from (select 1 from audit_log" + where + " limit ?) counted",
                Long.class, countArgs.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<AuditEntry> rows = jdbc.query("""
                select id, occurred_at, actor, action, entity_type, entity_id, town_id, project_id,
                       before_state::text as before_state, after_state::text as after_state, detail
                from audit_log""" + where + " order by id desc limit ? offset ?",
                (rs, i) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                        rs.getObject("town_id", Long.class), rs.getObject("project_id", Long.class),
                        rs.getString("before_state"), rs.getString("after_state"), rs.getString("detail")),
                pageArgs.toArray());
        return new PageImpl<>(readable(rows, locale), pageable, total == null ? 0 : total);
    }

    /**
     * The page's rows with names and changes, in three statements whatever the page holds: the actors'
     * names (and the accounts the values name), the records' names (every kind on the page, and the rows'
     * projects, in one statement) and the names of the workers those records and values are about.
     */
    private List<AuditRow> readable(List<AuditEntry> rows, Locale locale) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<JsonNode[]> states = new ArrayList<>(rows.size());
        AuditValues.References refs = new AuditValues.References(new LinkedHashSet<>(), new LinkedHashSet<>(), new HashMap<>());
        for (AuditEntry row : rows) {
            JsonNode[] state = { parse(row.before()), parse(row.after()) };
            states.add(state);
            for (JsonNode node : state) {
                if (node != null && node.isObject()) {
                    node.properties().forEach(field -> values.collect(row.entityType(), field.getKey(), field.getValue(), refs));
                }
            }
            if (anomalyDetail(row)) {
                values.collectAnomaly(row.detail(), refs);
            }
        }
        Set<String> usernames = rows.stream().map(AuditEntry::actor).collect(Collectors.toCollection(LinkedHashSet::new));
        usernames.addAll(refs.users());
        Map<String, String> people = users.displayNames(usernames);
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        wanted.put("Project", new LinkedHashSet<>());
        for (AuditEntry row : rows) {
            if (row.entityType() != null && row.entityId() != null && namers.containsKey(row.entityType())) {
                wanted.computeIfAbsent(row.entityType(), kind -> new LinkedHashSet<>()).add(row.entityId());
            }
            if (row.projectId() != null) {
                wanted.get("Project").add(String.valueOf(row.projectId()));
            }
        }
        refs.records().forEach((kind, ids) -> wanted.computeIfAbsent(kind, named -> new LinkedHashSet<>()).addAll(ids));
        Map<String, Map<String, Named>> names = names(wanted);
        Set<String> workerIds = new LinkedHashSet<>(refs.workers());
        names.values().forEach(byId -> byId.values().stream().filter(name -> name.workerId() != null)
                .forEach(name -> workerIds.add(String.valueOf(name.workerId()))));
        Map<String, Named> workers = new HashMap<>(names.getOrDefault("Worker", Map.of()));
        workers.putAll(names(Map.of("Worker", workerIds)).getOrDefault("Worker", Map.of()));
        Map<String, String> workerNames = new HashMap<>();
        workers.forEach((id, name) -> workerNames.put(id, name.name()));
        Map<String, Map<String, String>> recordNames = new HashMap<>();
        refs.records().keySet().forEach(kind -> names.getOrDefault(kind, Map.of())
                .forEach((id, name) -> recordNames.computeIfAbsent(kind, named -> new HashMap<>()).put(id, name.name())));
        AuditValues.Names known = new AuditValues.Names(workerNames, people, recordNames, locale);
        List<AuditRow> readable = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            AuditEntry row = rows.get(i);
            String actor = Actors.SYSTEM.equals(row.actor()) ? null : people.getOrDefault(row.actor(), row.actor());
            String detail = values.detail(row.action(), row.detail(), known);
            readable.add(new AuditRow(row, actor, recordName(row, names, workers, known),
                    changes(row.entityType(), states.get(i)[0], states.get(i)[1], known), detail));
        }
        return readable;
    }

    /** A decision on a daily review's anomaly names the anomaly, by its key, as its detail. */
    private static boolean anomalyDetail(AuditEntry row) {
        return "ANOMALY_DECIDED".equals(row.action()) && row.detail() != null;
    }

    /** A record's name as its module's query gives it, and the worker it is about. */
    private record Named(String name, Long workerId) {
    }

    /** The names of these records, kind by kind, in one statement: each module's query, all of them unioned. */
    private Map<String, Map<String, Named>> names(Map<String, ? extends Collection<String>> wanted) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        wanted.forEach((kind, ids) -> {
            Long[] numeric = ids.stream().filter(id -> id != null && id.matches("\\d{1,18}")).map(Long::valueOf)
                    .distinct().toArray(Long[]::new);
            if (namers.containsKey(kind)) {
                sql.append(sql.isEmpty() ? "" : " union all ").append("select cast(? as text) as kind, n.id, n.name, n.worker_id from (")
                        .append(namers.get(kind).namesQuery()).append(") n");
                args.add(kind);
                args.add(numeric);
            }
        });
        Map<String, Map<String, Named>> names = new HashMap<>();
        if (sql.isEmpty()) {
            return names;
        }
        jdbc.query(sql.toString(), rs -> {
            names.computeIfAbsent(rs.getString("kind"), kind -> new HashMap<>()).put(rs.getString("id"),
                    new Named(rs.getString("name"), rs.getObject("worker_id", Long.class)));
        }, args.toArray());
        return names;
    }

    private String recordName(AuditEntry row, Map<String, Map<String, Named>> names, Map<String, Named> workers,
            AuditValues.Names known) {
        if (row.entityType() == null || row.entityId() == null) {
            return null;
        }
        if ("Worker".equals(row.entityType())) {
            return textOf(workers.get(row.entityId()));
        }
        Map<String, Named> projects = names.getOrDefault("Project", Map.of());
        if ("Project".equals(row.entityType())) {
            return textOf(projects.get(row.entityId()));
        }
        List<String> parts = new ArrayList<>(3);
        Named name = names.getOrDefault(row.entityType(), Map.of()).get(row.entityId());
        if (name != null) {
            if (name.workerId() != null) {
                parts.add(textOf(workers.get(String.valueOf(name.workerId()))));
            }
            parts.add(values.recordName(row.entityType(), name.name(), known));
        }
        else if (row.entityId().contains("/")) {
            // a day or a year of a project ("12/2025-06-03"): the project is named next to it
            parts.add(row.entityId().substring(row.entityId().indexOf('/') + 1));
        }
        if (row.projectId() != null) {
            parts.add(textOf(projects.get(String.valueOf(row.projectId()))));
        }
        String joined = parts.stream().filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(" · "));
        return joined.isEmpty() ? null : joined;
    }

    private static String textOf(Named name) {
        return name == null ? null : name.name();
    }

    /** The fields whose value differs between before and after, in the order they were logged, as text. */
    List<AuditRow.FieldChange> changes(String kind, JsonNode old, JsonNode now, AuditValues.Names names) {
        if (old == null && now == null) {
            return List.of();
        }
        if ((old != null && !old.isObject()) || (now != null && !now.isObject())) {
            return List.of(new AuditRow.FieldChange("value", values.text(kind, "value", old, names),
                    values.text(kind, "value", now, names)));
        }
        Set<String> fields = new LinkedHashSet<>();
        if (old != null) {
            fields.addAll(old.propertyNames());
        }
        if (now != null) {
            fields.addAll(now.propertyNames());
        }
        Map<String, AuditRow.FieldChange> changed = new LinkedHashMap<>();
        fields.removeAll(Set.of("id", "version")); // bookkeeping, not a change anyone made
        for (String field : fields) {
            JsonNode was = old == null ? null : old.get(field);
            JsonNode is = now == null ? null : now.get(field);
            if (!Objects.equals(was, is)) {
                changed.put(field, new AuditRow.FieldChange(field, values.text(kind, field, was, names),
                        values.text(kind, field, is, names)));
            }
        }
        return List.copyOf(changed.values());
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonNode node = json.readTree(text);
        return node == null || node.isNull() ? null : node;
    }

    /**
     * The kinds of record the log holds, for the filter's choices: the same few names for every viewer
     * (they say nothing about a town). Found by skipping along the entity index from one kind to the
     * next, a few lookups, where a DISTINCT would read the whole log.
     */
    @Transactional(readOnly = true)
    public List<String> entityTypes(SignedInUser viewer) {
        return jdbc.queryForList("""
                with recursive kinds as (
                    select min(entity_type) as kind from audit_log
                    union all
                    select (select min(entity_type) from audit_log where entity_type > kinds.kind)
                    from kinds where kinds.kind is not null
                )
                select kind from kinds where kind is not null order by kind
                """, String.class);
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
