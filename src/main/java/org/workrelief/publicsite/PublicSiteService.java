package org.workrelief.publicsite;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.payout.PayoutQueries;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.PersonalNumbers;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.payout.PayoutService;
import org.workrelief.project.ProjectService;

/**
 * What the public pages show, read with nothing personal in it, and the posts a town's
 * administrators publish (job notices and policy notes).
 */
@Service
public class PublicSiteService {

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final AuditLog auditLog;
    private final Clock clock;

    PublicSiteService(JdbcTemplate jdbc, ProjectService projects, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record TownView(long id, String name, long projects) {
    }

    public record ProjectFacts(String code, String name, String villages, String status, BigDecimal centralFunds,
            BigDecimal plannedRemuneration, int plannedWorkers, long enrolled, BigDecimal released, LocalDate startDate,
            LocalDate plannedCompletion) {
    }

    public record Post(long id, long townId, PostKind kind, String title, String body, String projectName,
            BigDecimal dayRate, LocalDate openFrom, LocalDate openTo, boolean published) {
    }

    /** A payout notice; {@code releasedAt} is set once the wages are paid out (the notice stays up as a record). */
    public record Notice(String token, String projectName, LocalDate periodFrom, LocalDate periodTo, Instant noticeUntil,
            String status, Instant releasedAt) {

        public boolean paidOut() {
            return releasedAt != null;
        }
    }

    @Transactional(readOnly = true)
    public List<TownView> towns() {
        return jdbc.query("""
                select t.id, t.name, (select count(*) from project_name p where p.town_id = t.id) from town_setting t order by t.code
                """, (rs, i) -> new TownView(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    @Transactional(readOnly = true)
    public String townName(long townId) {
        return jdbc.query("select name from town_setting where id = ?", (rs, i) -> rs.getString(1), townId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Town", townId));
    }

    /** The town's projects, id to name, in the order of their codes. */
    @Transactional(readOnly = true)
    public Map<Long, String> projectNames(long townId) {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.query("select id, name from project_name where town_id = ? order by code",
                (RowCallbackHandler) rs -> names.put(rs.getLong(1), rs.getString(2)), townId);
        return names;
    }

    @Transactional(readOnly = true)
    public List<ProjectFacts> projectsOf(long townId) {
        return jdbc.query("""
                select p.code, p.name, p.villages, p.status, p.central_funds, p.planned_remuneration, p.planned_workers,
                       (select count(distinct e.worker_id) from enrollment_period e where e.project_id = p.id) as enrolled,
                       (select coalesce(sum(w.amount_payable), 0) from released_wage w where w.project_id = p.id) as released,
                       p.start_date, p.planned_completion
                from project_public_facts p where p.town_id = ? order by p.code
                """, (rs, i) -> new ProjectFacts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7), rs.getLong(8),
                rs.getBigDecimal(9).setScale(2, RoundingMode.UNNECESSARY),
                rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate(),
                rs.getDate(11) == null ? null : rs.getDate(11).toLocalDate()), townId);
    }

    /** Published posts of a town; job notices only while open (or without dates). */
    @Transactional(readOnly = true)
    public List<Post> publishedPosts(long townId, PostKind kind) {
        return jdbc.query(POST_SELECT + """
                where s.town_id = ? and s.kind = ? and s.published and (s.open_to is null or s.open_to >= ?)
                order by s.id desc
                """, this::toPost, townId, kind.name(), Date.valueOf(LocalDate.now(clock)));
    }

    /**
     * Payout notices of the town's projects: those on notice (or approved and not yet released) first,
     * then the paid-out ones still kept ({@link PayoutService#NOTICE_KEPT} from the release), newest first.
     */
    @Transactional(readOnly = true)
    public List<Notice> notices(long townId) {
        return jdbc.query("""
                select b.notice_token, p.name, b.period_from, b.period_to, b.notice_until, b.status, b.released_at
                from payout_batch_state b join project_name p on p.id = b.project_id
                where p.town_id = ? and b.notice_token is not null
                  and (b.status in ('PUBLICIZED', 'APPROVED') or (b.status in ('RELEASED', 'SETTLED') and b.released_at > ?))
                order by b.released_at desc nulls first, b.publicized_at desc
                """, (rs, i) -> new Notice(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                rs.getDate(4).toLocalDate(), rs.getTimestamp(5).toInstant(), rs.getString(6),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()),
                townId, Timestamp.from(PayoutQueries.noticeKeptSince(clock)));
    }

    // --- administration -------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Post> postsOf(SignedInUser admin) {
        requireTownAdmin(admin);
        return jdbc.query(POST_SELECT + " where s.town_id = ? order by s.id desc", this::toPost, admin.townId());
    }

    public record PostForm(PostKind kind, String title, String body, Long projectId, BigDecimal dayRate, LocalDate openFrom,
            LocalDate openTo) {
    }

    @Transactional
    public long publish(SignedInUser admin, PostForm form) {
        requireTownAdmin(admin);
        if (form.kind() == null) {
            throw new BusinessRuleException("public.kind.required");
        }
        String title = form.title() == null ? "" : form.title().trim();
        String body = form.body() == null ? "" : form.body().trim();
        if (title.isEmpty() || title.length() > 100 || body.isEmpty() || body.length() > 4000) {
            throw new BusinessRuleException("public.post.incomplete");
        }
        // anyone reads a public post: no full ID, bank card or mobile number of a person in it
        var personal = PersonalNumbers.find(title + "\n" + body);
        if (personal.isPresent()) {
            throw new BusinessRuleException(personal.get().messageKey());
        }
        if (form.projectId() != null && !projects.get(admin, form.projectId()).getTownId().equals(admin.townId())) {
            throw new NotFoundException("Project", form.projectId());
        }
        if (form.dayRate() != null && (form.dayRate().signum() <= 0 || form.dayRate().stripTrailingZeros().scale() > 2
                || form.dayRate().compareTo(new BigDecimal("100000")) >= 0)) {
            throw new BusinessRuleException("public.dayRate.invalid");
        }
        if (form.openFrom() != null && form.openTo() != null && form.openTo().isBefore(form.openFrom())) {
            throw new BusinessRuleException("public.dates.invalid");
        }
        Timestamp now = Timestamp.from(clock.instant());
        Long id = jdbc.queryForObject("""
                insert into public_post (town_id, kind, title, body, project_id, day_rate, open_from, open_to,
                                         created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, admin.townId(), form.kind().name(), title, body, form.projectId(), form.dayRate(),
                form.openFrom() == null ? null : Date.valueOf(form.openFrom()),
                form.openTo() == null ? null : Date.valueOf(form.openTo()), now, admin.getUsername(), now, admin.getUsername());
        auditLog.recordAs(admin.getUsername(), AuditEvent.of("PUBLIC_POST_PUBLISHED", "PublicPost", id)
                .inTown(admin.townId()).change(null, Map.of("kind", form.kind().name(), "title", title)));
        return id;
    }

    @Transactional
    public void withdraw(SignedInUser admin, long postId) {
        requireTownAdmin(admin);
        int changed = jdbc.update("""
                update public_post set published = false, version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and town_id = ? and published
                """, Timestamp.from(clock.instant()), admin.getUsername(), postId, admin.townId());
        if (changed == 0) {
            throw new NotFoundException("PublicPost", postId);
        }
        auditLog.recordAs(admin.getUsername(), AuditEvent.of("PUBLIC_POST_WITHDRAWN", "PublicPost", postId)
                .inTown(admin.townId()).change(Map.of("published", true), Map.of("published", false)));
    }

    private static void requireTownAdmin(SignedInUser admin) {
        admin.require(Role.ADMIN);
        if (admin.isCountyLevel()) {
            throw new AccessDeniedException("a town's administrators publish for their town");
        }
    }

    private static final String POST_SELECT = """
            select s.*, p.name as project_name from public_post s left join project_name p on p.id = s.project_id
            """;

    private Post toPost(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Post(rs.getLong("id"), rs.getLong("town_id"), PostKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("body"), rs.getString("project_name"), rs.getBigDecimal("day_rate"),
                rs.getDate("open_from") == null ? null : rs.getDate("open_from").toLocalDate(),
                rs.getDate("open_to") == null ? null : rs.getDate("open_to").toLocalDate(), rs.getBoolean("published"));
    }
}
