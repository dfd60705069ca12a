package org.workrelief.accountability;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.audit.AuditEntry;
import org.workrelief.project.ProjectService;

/** Reads the audit log for the viewer: their town's rows only (all for county level), newest first. */
@Service
public class AuditBrowser {

    /** Beyond this many matching entries the page no longer counts them exactly. */
    public static final int COUNT_LIMIT = 10_000;

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final Clock clock;

    AuditBrowser(JdbcTemplate jdbc, ProjectService projects, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> search(SignedInUser viewer, AuditFilter filter, Pageable pageable) {
        if (!viewer.hasRole(Role.ADMIN) && !viewer.hasRole(Role.SUPERVISOR)) {
            throw new AccessDeniedException("administrators and the supervision committee only");
        }
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
        if (hasText(filter.entityId())) {
            where.append(" and entity_id = ?");
            args.add(filter.entityId().trim());
        }
        if (hasText(filter.actor())) {
            where.append(" and lower(actor) like ? escape '\\'");
            args.add(filter.actor().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
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
                       jsonb_pretty(before_state) as before_state, jsonb_pretty(after_state) as after_state, detail
                from audit_log""" + where + " order by id desc limit ? offset ?",
                (rs, i) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                        rs.getObject("town_id", Long.class), rs.getObject("project_id", Long.class),
                        rs.getString("before_state"), rs.getString("after_state"), rs.getString("detail")),
                pageArgs.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
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
