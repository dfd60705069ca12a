package org.workrelief.supervision;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.attendance.AttendanceLocks;
import org.workrelief.attendance.AttendanceSettings;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.FileType;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.db.AdvisoryLocks;
import org.workrelief.common.db.RowStamp;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;

/**
 * 每日核查 (rule 6): a committee member on duty opens the day's review, decides every anomaly,
 * records the quality and safety checks and approves; approval locks the day's attendance. Only
 * an administrator can correct an approved day: with a reason, audited, and the day is open for a
 * new review. Every step is audited (rule 10).
 */
@Service
public class DailyReviewService {

    static final String ENTITY = "DailyReview";
    public static final int MAX_PHOTOS = 3;
    public static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;
    /** Site photos are pictures a phone takes: JPEG or PNG. */
    static final java.util.List<FileType> PHOTO_TYPES = java.util.List.of(FileType.JPEG, FileType.PNG);

    /** A review round as {@link DailyReview} reads it, by name. */
    private static final String REVIEW = """
            select id, project_id, review_date as day, round, status, opened_by, opened_at, quality_result as quality,
                   quality_notes, safety_helmets as helmets, safety_signage as signage, safety_slope as slope,
                   safety_machinery as machinery, safety_notes, approved_by, approved_at, reopened_by, reopened_at,
                   reopen_reason, version
            from daily_review
            """;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final DutyRosterService duty;
    private final AnomalyDetector detector;
    private final AttendanceLocks locks;
    private final AuditLog auditLog;
    private final Clock clock;
    private final List<PaidDays> paidDays;
    private final AttendanceSettings windows;

    DailyReviewService(JdbcClient jdbc, ProjectService projects, DutyRosterService duty, AnomalyDetector detector,
            AttendanceLocks locks, AuditLog auditLog, Clock clock, List<PaidDays> paidDays, AttendanceSettings windows) {
        this.paidDays = paidDays;
        this.windows = windows;
        this.jdbc = jdbc;
        this.projects = projects;
        this.duty = duty;
        this.detector = detector;
        this.locks = locks;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A decision as stored; it answers its anomaly only while the anomaly names the same workers. */
    public record DecisionView(String anomalyKey, AnomalyKind kind, Decision decision, String reason, List<Long> workerIds,
            String decidedBy, Instant decidedAt) {
    }

    /** An anomaly with the committee's decision on it (null: still to be decided). */
    public record DecidedAnomaly(Anomaly anomaly, DecisionView decision) {

        public boolean decided() {
            return decision != null;
        }
    }

    /** Everything the review page shows for a project's day. */
    public record ReviewPage(Project project, LocalDate day, DailyReview review, DayFindings findings,
            List<DecidedAnomaly> anomalies, DutyDay duty, boolean onDuty, boolean locked, List<ReviewPhoto> photos,
            List<DailyReview> earlierRounds, LocalTime approvableFrom) {

        /** Today before its afternoon sign-in window closes: not yet to be approved. */
        public boolean tooEarlyToApprove() {
            return approvableFrom != null;
        }

        public long undecided() {
            return anomalies.stream().filter(a -> !a.decided()).count();
        }
    }

    @Transactional(readOnly = true)
    public ReviewPage page(SignedInUser viewer, long projectId, LocalDate day) {
        Project project = projects.get(viewer, projectId);
        Optional<DailyReview> review = current(projectId, day);
        DayFindings findings = detector.findings(projectId, day);
        List<DecidedAnomaly> anomalies = review.map(r -> decide(findings.anomalies(), decisionsOf(r.id())))
                .orElseGet(() -> findings.anomalies().stream().map(a -> new DecidedAnomaly(a, null)).toList());
        List<DailyReview> rounds = jdbc.sql(REVIEW + """
                where project_id = :projectId and review_date = :day and status = :reopened order by round
                """).param("projectId", projectId).param("day", day).param("reopened", ReviewStatus.REOPENED.name())
                .query(DailyReview.class).list();
        return new ReviewPage(project, day, review.orElse(null), findings, anomalies,
                duty.rosterOf(projectId, day, day).get(0), duty.isOnDuty(viewer.id(), projectId, day),
                locks.isLocked(projectId, day), review.map(r -> photosOf(r.id())).orElse(List.of()), rounds,
                approvableFrom(projectId, day));
    }

    /**
     * When the day may be approved, if not yet: approval locks the day's attendance, so today is
     * approved only once its afternoon sign-in window (the project's, {@link AttendanceSettings}) has
     * closed; otherwise a worker signing out later that evening would be refused. Null for a day
     * that may be approved now (any earlier day, or today after the window).
     */
    LocalTime approvableFrom(long projectId, LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        if (day.isBefore(today)) {
            return null;
        }
        LocalTime closes = windows.windowsOf(projectId).pmEnd();
        return day.isAfter(today) || LocalTime.now(clock).isBefore(closes) ? closes : null;
    }

    /** Opens the day's review (or returns the open one). Only a member on duty that day, and not for a future day. */
    @Transactional
    public DailyReview open(SignedInUser actor, long projectId, LocalDate day) {
        Project project = projects.get(actor, projectId);
        requireOnDuty(actor, projectId, day);
        if (day.isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleException("review.future");
        }
        // two members opening the day at once: the second waits and finds the first one's review
        AdvisoryLocks.lock(jdbc, AdvisoryLocks.projectDay(projectId, day));
        Optional<DailyReview> existing = current(projectId, day);
        if (existing.isPresent()) {
            return existing.get();
        }
        RowStamp stamp = RowStamp.now(clock, actor.getUsername());
        // the partial unique index's predicate is written out (from the enum): PostgreSQL matches it as text, not as a
        // parameter
        int added = stamp.on(jdbc.sql("""
                insert into daily_review (project_id, review_date, round, status, opened_by, opened_at, %s)
                select :projectId, :day, coalesce(max(round), 0) + 1, :open, :stampedBy, :stampedAt, %s
                from daily_review where project_id = :projectId and review_date = :day
                on conflict (project_id, review_date) where status <> '%s' do nothing
                """.formatted(RowStamp.COLUMNS, RowStamp.VALUES, ReviewStatus.REOPENED.name()))).param("projectId", projectId).param("day", day)
                .param("open", ReviewStatus.OPEN.name()).update();
        DailyReview review = current(projectId, day).orElseThrow();
        if (added == 1) {
            audit(actor, "REVIEW_OPENED", review, project, null, Map.of("status", "OPEN", "round", review.round()), null);
        }
        return review;
    }

    /** Accepts or rejects one anomaly, with a reason; may be changed until the day is approved. */
    @Transactional
    public void decide(SignedInUser actor, long reviewId, String anomalyKey, Decision decision, String reason) {
        DailyReview review = openReview(actor, reviewId);
        if (decision == null) {
            throw new BusinessRuleException("review.decision.required");
        }
        String why = reason(reason);
        Anomaly anomaly = detector.findings(review.projectId(), review.day()).anomalies().stream()
                .filter(a -> a.key().equals(anomalyKey)).findFirst()
                .orElseThrow(() -> new BusinessRuleException("review.anomaly.gone"));
        DecisionView before = decisionsOf(reviewId).get(anomalyKey);
        RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                insert into anomaly_decision (review_id, anomaly_key, kind, decision, reason, worker_ids, decided_by,
                                              decided_at, %s)
                values (:reviewId, :anomalyKey, :kind, :decision, :reason, :workerIds, :stampedBy, :stampedAt, %s)
                on conflict (review_id, anomaly_key) do update set decision = excluded.decision,
                    reason = excluded.reason, worker_ids = excluded.worker_ids, decided_by = excluded.decided_by,
                    decided_at = excluded.decided_at, %s
                """.formatted(RowStamp.COLUMNS, RowStamp.VALUES, RowStamp.updated("anomaly_decision"))))
                .param("reviewId", reviewId).param("anomalyKey", anomalyKey).param("kind", anomaly.kind().name())
                .param("decision", decision.name()).param("reason", why)
                .param("workerIds", new SqlArrayValue("bigint", anomaly.workerIds().toArray())).update();
        audit(actor, "ANOMALY_DECIDED", review, projects.get(actor, review.projectId()),
                before == null ? null : Map.of("decision", before.decision().name(), "reason", before.reason()),
                Map.of("anomaly", anomalyKey, "decision", decision.name(), "reason", why, "workers", anomaly.workerIds()),
                anomalyKey);
    }

    @Transactional
    public DailyReview recordChecks(SignedInUser actor, long reviewId, ReviewChecks checks) {
        DailyReview review = openReview(actor, reviewId);
        if (checks.quality() == null) {
            throw new BusinessRuleException("review.quality.required");
        }
        if (tooLong(checks.qualityNotes()) || tooLong(checks.safetyNotes())) {
            throw new BusinessRuleException("review.notes.tooLong", ReviewChecks.MAX_NOTES);
        }
        int changed = RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                update daily_review set quality_result = :quality, quality_notes = :qualityNotes, safety_helmets = :helmets,
                    safety_signage = :signage, safety_slope = :slope, safety_machinery = :machinery,
                    safety_notes = :safetyNotes, %s
                where id = :reviewId and version = :version and status = :open
                """.formatted(RowStamp.UPDATED))).param("quality", checks.quality().name())
                .param("qualityNotes", blankToNull(checks.qualityNotes())).param("helmets", checks.helmets())
                .param("signage", checks.signage()).param("slope", checks.slope()).param("machinery", checks.machinery())
                .param("safetyNotes", blankToNull(checks.safetyNotes())).param("reviewId", reviewId)
                .param("version", checks.version()).param("open", ReviewStatus.OPEN.name()).update();
        if (changed == 0) {
            throw new BusinessRuleException("review.stale");
        }
        DailyReview after = find(reviewId);
        audit(actor, "REVIEW_CHECKS_RECORDED", after, projects.get(actor, review.projectId()), checksOf(review),
                checksOf(after), null);
        return after;
    }

    @Transactional
    public ReviewPhoto addPhoto(SignedInUser actor, long reviewId, String fileName, byte[] content) {
        DailyReview review = openReview(actor, reviewId);
        if (content == null || content.length == 0) {
            throw new BusinessRuleException("review.photo.empty");
        }
        if (content.length > MAX_PHOTO_BYTES) {
            throw new BusinessRuleException("review.photo.tooLarge", MAX_PHOTO_BYTES / 1024 / 1024);
        }
        FileType type = FileType.of(content, PHOTO_TYPES).orElseThrow(() -> new BusinessRuleException("review.photo.type"));
        // openReview holds the review's row lock, so two uploads at once cannot make a fourth photo
        if (photosOf(reviewId).size() >= MAX_PHOTOS) {
            throw new BusinessRuleException("review.photo.tooMany", MAX_PHOTOS);
        }
        String name = fileName == null || fileName.isBlank() ? "photo" : fileName.strip();
        name = name.length() > 200 ? name.substring(name.length() - 200) : name;
        long id = RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                insert into review_photo (review_id, file_name, content_type, size_bytes, content, %s)
                values (:reviewId, :fileName, :contentType, :size, :content, %s) returning id
                """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).param("reviewId", reviewId).param("fileName", name)
                .param("contentType", type.contentType()).param("size", content.length).param("content", content)
                .query(Long.class).single();
        audit(actor, "REVIEW_PHOTO_ADDED", review, projects.get(actor, review.projectId()), null,
                Map.of("photo", id, "file", name, "type", type.contentType(), "bytes", content.length), null);
        return new ReviewPhoto(id, reviewId, name, type.contentType(), content.length, null);
    }

    @Transactional
    public void removePhoto(SignedInUser actor, long photoId) {
        ReviewPhoto photo = photoRow(photoId, false);
        DailyReview review = openReview(actor, photo.reviewId());
        jdbc.sql("delete from review_photo where id = :photoId").param("photoId", photoId).update();
        audit(actor, "REVIEW_PHOTO_REMOVED", review, projects.get(actor, review.projectId()),
                Map.of("photo", photoId, "file", photo.fileName()), null, null);
    }

    /** The photo with its bytes, for whoever may see the project. */
    @Transactional(readOnly = true)
    public ReviewPhoto photo(SignedInUser viewer, long photoId) {
        ReviewPhoto photo = photoRow(photoId, true);
        projects.get(viewer, find(photo.reviewId()).projectId());
        return photo;
    }

    /**
     * Approves the day: a member on duty, once, with both checks recorded and every anomaly decided.
     * The day's attendance is locked first (waiting for sign-ins in flight), so the anomalies judged
     * are exactly those of the attendance that is locked.
     */
    @Transactional
    public DailyReview approve(SignedInUser actor, long reviewId) {
        DailyReview review = lockedReview(reviewId);
        Project project = projects.get(actor, review.projectId());
        requireOnDuty(actor, review.projectId(), review.day());
        if (review.status() != ReviewStatus.OPEN) {
            throw new BusinessRuleException("review.notOpen");
        }
        if (!review.checksRecorded()) {
            throw new BusinessRuleException("review.checks.missing");
        }
        LocalTime from = approvableFrom(review.projectId(), review.day());
        if (from != null) {
            throw new BusinessRuleException("review.approve.tooEarly", from.toString());
        }
        locks.lock(review.projectId(), review.day(), actor.getUsername());
        DayFindings findings = detector.findings(review.projectId(), review.day());
        Map<String, DecisionView> decisions = decisionsOf(reviewId);
        List<DecidedAnomaly> judged = decide(findings.anomalies(), decisions);
        long undecided = judged.stream().filter(a -> !a.decided()).count();
        if (undecided > 0) {
            throw new BusinessRuleException("review.undecided", undecided);
        }
        // decisions on findings that are gone (a half day completed later) must not take anyone's day away
        var current = new HashSet<>(findings.anomalies().stream().map(Anomaly::key).toList());
        decisions.keySet().stream().filter(key -> !current.contains(key)).forEach(key -> jdbc.sql(
                "delete from anomaly_decision where review_id = :reviewId and anomaly_key = :anomalyKey")
                .param("reviewId", reviewId).param("anomalyKey", key).update());
        int approved = RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                update daily_review set status = :approved, approved_by = :stampedBy, approved_at = :stampedAt, %s
                where id = :reviewId and status = :open
                """.formatted(RowStamp.UPDATED))).param("approved", ReviewStatus.APPROVED.name())
                .param("open", ReviewStatus.OPEN.name()).param("reviewId", reviewId).update();
        if (approved == 0) {
            throw new BusinessRuleException("review.notOpen");
        }
        long rejected = judged.stream().filter(a -> a.decision().decision() == Decision.REJECTED).count();
        DailyReview after = find(reviewId);
        audit(actor, "REVIEW_APPROVED", after, project, Map.of("status", "OPEN"), Map.of("status", "APPROVED",
                "present", findings.present(), "full", findings.full(), "half", findings.half(),
                "anomalies", judged.size(), "rejected", rejected, "quality", after.quality().name()), null);
        return after;
    }

    /**
     * An administrator's correction of an approved day: with a reason, it closes the approved round
     * (kept, with its decisions), unlocks the day's attendance and leaves the day for a new review.
     */
    @Transactional
    public void correct(SignedInUser actor, long projectId, LocalDate day, String reason) {
        actor.require(Role.ADMIN);
        Project project = projects.get(actor, projectId);
        String why = reason(reason);
        DailyReview review = current(projectId, day).filter(r -> r.status() == ReviewStatus.APPROVED)
                .orElseThrow(() -> new BusinessRuleException("review.correct.notApproved"));
        if (paidDays.stream().anyMatch(paid -> paid.inApprovedBatch(projectId, day))) {
            throw new BusinessRuleException("review.correct.paid");
        }
        int changed = RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                update daily_review set status = :reopened, reopened_by = :stampedBy, reopened_at = :stampedAt,
                    reopen_reason = :reason, %s
                where id = :reviewId and status = :approved
                """.formatted(RowStamp.UPDATED))).param("reopened", ReviewStatus.REOPENED.name()).param("reason", why)
                .param("reviewId", review.id()).param("approved", ReviewStatus.APPROVED.name()).update();
        if (changed == 0) {
            throw new BusinessRuleException("review.correct.notApproved");
        }
        locks.unlock(projectId, day, actor.getUsername(), why);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", "APPROVED");
        before.put("approvedBy", review.approvedBy());
        before.put("approvedAt", review.approvedAt().toString());
        before.put("round", review.round());
        before.put("decisions", decisionsOf(review.id()).values().stream()
                .map(d -> Map.of("anomaly", d.anomalyKey(), "decision", d.decision().name(), "reason", d.reason())).toList());
        audit(actor, "REVIEW_CORRECTED", review, project, before, Map.of("status", "REOPENED", "reason", why), why);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * A day with sign-ins, before today, whose review is not approved: a worked day (attendance_day)
     * not locked, as approval locks the day and reopening unlocks it.
     */
    public record OverdueDay(long projectId, String projectCode, String projectName, LocalDate day) {
    }

    /** A project's overdue days: how many, and the oldest few. */
    public record OverdueProject(long projectId, String code, String name, long days, List<LocalDate> oldestDays) {
    }

    /** The overdue days of the projects the viewer may see: some projects' (the oldest day first), and the totals. */
    public record OverdueSummary(List<OverdueProject> projects, long projectCount, long dayCount) {
    }

    /**
     * The viewer's projects with overdue days, the one with the oldest day first (at most
     * {@code projectLimit}, each with its oldest {@code daysEach} days), and how many projects and
     * days are overdue in all.
     */
    @Transactional(readOnly = true)
    public OverdueSummary overdueByProject(SignedInUser viewer, int projectLimit, int daysEach) {
        long[] totals = new long[2];
        List<OverdueProject> projects = jdbc.sql("""
                with overdue as (
                    select d.project_id, d.work_date from worked_day d join project_site p on p.id = d.project_id
                    where not d.locked and d.work_date < :today and (:allTowns or p.town_id = :townId)),
                per_project as (
                    select project_id, count(*) as days, min(work_date) as oldest,
                           (array_agg(work_date order by work_date))[1:(:daysEach)] as oldest_days
                    from overdue group by project_id)
                select o.project_id, p.code, p.name, o.days, o.oldest_days,
                       count(*) over () as projects, sum(o.days) over () as all_days
                from per_project o join project_site p on p.id = o.project_id
                order by o.oldest, p.code limit :projectLimit
                """).param("today", LocalDate.now(clock)).param("allTowns", viewer.townId() == null)
                .param("townId", viewer.townId() == null ? 0L : viewer.townId()).param("daysEach", daysEach)
                .param("projectLimit", projectLimit).query((rs, i) -> {
                    totals[0] = rs.getLong("projects");
                    totals[1] = rs.getLong("all_days");
                    return new OverdueProject(rs.getLong("project_id"), rs.getString("code"), rs.getString("name"),
                            rs.getLong("days"), localDates(rs.getArray("oldest_days")));
                }).list();
        return new OverdueSummary(projects, totals[0], totals[1]);
    }

    /** The project's overdue days, oldest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<OverdueDay> overdueOf(SignedInUser viewer, long projectId, int limit) {
        projects.get(viewer, projectId);
        return jdbc.sql("""
                select d.project_id, p.code as project_code, p.name as project_name, d.work_date as day
                from worked_day d
                join project_site p on p.id = d.project_id
                where not d.locked and d.work_date < :today and d.project_id = :projectId
                order by d.work_date limit :limit
                """).param("today", LocalDate.now(clock)).param("projectId", projectId).param("limit", limit)
                .query(OverdueDay.class).list();
    }

    // --- helpers ----------------------------------------------------------------------------

    /** A decision's or correction's reason: required, at most 500 characters. */
    private static String reason(String text) {
        String why = text == null ? "" : text.trim();
        if (why.isEmpty()) {
            throw new BusinessRuleException("review.reason.required");
        }
        if (why.length() > 500) {
            throw new BusinessRuleException("review.reason.tooLong", 500);
        }
        return why;
    }

    private void requireOnDuty(SignedInUser actor, long projectId, LocalDate day) {
        if (!actor.hasRole(Role.SUPERVISOR) || !duty.isOnDuty(actor.id(), projectId, day)) {
            throw new BusinessRuleException("review.notOnDuty", day);
        }
    }

    /** The review, open, for a member on duty that day: the only one who may change it. */
    private DailyReview openReview(SignedInUser actor, long reviewId) {
        // the row lock serialises changes with approval: nothing is decided or added to an approved review
        DailyReview review = lockedReview(reviewId);
        projects.get(actor, review.projectId());
        requireOnDuty(actor, review.projectId(), review.day());
        if (review.status() != ReviewStatus.OPEN) {
            throw new BusinessRuleException("review.notOpen");
        }
        return review;
    }

    private static List<DecidedAnomaly> decide(List<Anomaly> anomalies, Map<String, DecisionView> decisions) {
        List<DecidedAnomaly> result = new ArrayList<>(anomalies.size());
        for (Anomaly anomaly : anomalies) {
            DecisionView decision = decisions.get(anomaly.key());
            // a decision taken when the finding named other workers no longer answers it
            boolean stillFits = decision != null
                    && new HashSet<>(decision.workerIds()).equals(new HashSet<>(anomaly.workerIds()));
            result.add(new DecidedAnomaly(anomaly, stillFits ? decision : null));
        }
        return result;
    }

    Optional<DailyReview> current(long projectId, LocalDate day) {
        return jdbc.sql(REVIEW + "where project_id = :projectId and review_date = :day and status <> :reopened")
                .param("projectId", projectId).param("day", day).param("reopened", ReviewStatus.REOPENED.name())
                .query(DailyReview.class).optional();
    }

    private DailyReview lockedReview(long reviewId) {
        return jdbc.sql(REVIEW + "where id = :reviewId for update").param("reviewId", reviewId).query(DailyReview.class)
                .optional().orElseThrow(() -> new NotFoundException(ENTITY, reviewId));
    }

    private DailyReview find(long reviewId) {
        return jdbc.sql(REVIEW + "where id = :reviewId").param("reviewId", reviewId).query(DailyReview.class).optional()
                .orElseThrow(() -> new NotFoundException(ENTITY, reviewId));
    }

    private Map<String, DecisionView> decisionsOf(long reviewId) {
        Map<String, DecisionView> decisions = new LinkedHashMap<>();
        jdbc.sql("""
                select anomaly_key, kind, decision, reason, worker_ids, decided_by, decided_at
                from anomaly_decision where review_id = :reviewId order by id
                """).param("reviewId", reviewId).query(DailyReviewService::toDecision).list()
                .forEach(d -> decisions.put(d.anomalyKey(), d));
        return decisions;
    }

    private List<ReviewPhoto> photosOf(long reviewId) {
        return jdbc.sql("""
                select id, review_id, file_name, content_type, size_bytes as size, null::bytea as content
                from review_photo where review_id = :reviewId order by id
                """).param("reviewId", reviewId).query(ReviewPhoto.class).list();
    }

    private ReviewPhoto photoRow(long photoId, boolean withContent) {
        return jdbc.sql("""
                select id, review_id, file_name, content_type, size_bytes as size, case when :withContent then content end as content
                from review_photo where id = :photoId
                """).param("photoId", photoId).param("withContent", withContent).query(ReviewPhoto.class).optional()
                .orElseThrow(() -> new NotFoundException("ReviewPhoto", photoId));
    }

    private static Map<String, Object> checksOf(DailyReview review) {
        Map<String, Object> checks = new HashMap<>();
        checks.put("quality", review.quality() == null ? null : review.quality().name());
        checks.put("qualityNotes", review.qualityNotes());
        checks.put("helmets", review.helmets());
        checks.put("signage", review.signage());
        checks.put("slope", review.slope());
        checks.put("machinery", review.machinery());
        checks.put("safetyNotes", review.safetyNotes());
        return checks;
    }

    private void audit(SignedInUser actor, String action, DailyReview review, Project project, Object before,
            Object after, String detail) {
        auditLog.recordAs(actor.getUsername(), AuditEvent.of(action, ENTITY, review.id())
                .inProject(project.getId(), project.getTownId()).change(before, after)
                .detail(Objects.requireNonNullElse(detail, review.day().toString())));
    }

    private static boolean tooLong(String notes) {
        return notes != null && notes.strip().length() > ReviewChecks.MAX_NOTES;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** A stored decision, by column name; its workers are a {@code bigint[]}. */
    private static DecisionView toDecision(ResultSet rs, int row) throws SQLException {
        return new DecisionView(rs.getString("anomaly_key"), AnomalyKind.valueOf(rs.getString("kind")),
                Decision.valueOf(rs.getString("decision")), rs.getString("reason"),
                Arrays.asList((Long[]) rs.getArray("worker_ids").getArray()), rs.getString("decided_by"),
                rs.getTimestamp("decided_at").toInstant());
    }

    private static List<LocalDate> localDates(Array dates) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        for (Date day : (Date[]) dates.getArray()) {
            days.add(day.toLocalDate());
        }
        return days;
    }
}
