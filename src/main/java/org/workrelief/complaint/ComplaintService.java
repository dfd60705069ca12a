package org.workrelief.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.AccountService;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.UserAccount;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.payout.PayoutLine;
import org.workrelief.payout.PayoutService;
import org.workrelief.project.ProjectService;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerService;

/**
 * 维权/诉求: recording a complaint, moving it through 已受理 → 处理中 → 已办结 / 已驳回 (by its owner or an
 * administrator of its town), reassigning it, and the lists of the open and overdue ones. The deadline
 * is {@code workrelief.complaint.deadline-working-days} working days after the day it was accepted.
 */
@Service
public class ComplaintService {

    static final String ENTITY = "Complaint";
    static final int TEXT_MAX = 1000;
    static final int SHORT_MAX = 64;

    /** What a clerk enters for a complaint taken by phone or in person. */
    public record NewComplaint(String workerCode, ComplaintChannel channel, ComplaintKind kind, Long lineId,
            LocalDate workDate, String content, String contact, String owner) {
    }

    /** A complaint as its worker sees it on the self-service page: nothing of who handles it inside. */
    public record WorkerView(long id, String number, ComplaintKind kind, ComplaintStatus status, LocalDate acceptedOn,
            LocalDate deadline, Long lineId, LocalDate workDate, String content, String answer, Instant answeredAt) {
    }

    /** The overdue complaints a home page lists, the oldest deadline first, and how many there are in all. */
    public record Overdue(List<Complaint> items, int total) {
    }

    private final JdbcTemplate jdbc;
    private final WorkerService workers;
    private final PayoutBatches batches;
    private final PayoutService payouts;
    private final ProjectService projects;
    private final AccountService accounts;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int deadlineWorkingDays;
    private final ApplicationEventPublisher events;

    ComplaintService(JdbcTemplate jdbc, WorkerService workers, PayoutBatches batches, PayoutService payouts,
            ProjectService projects, AccountService accounts, AuditLog auditLog, Clock clock,
            @Value("${workrelief.complaint.deadline-working-days:5}") int deadlineWorkingDays,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.workers = workers;
        this.batches = batches;
        this.payouts = payouts;
        this.projects = projects;
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.clock = clock;
        this.deadlineWorkingDays = deadlineWorkingDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int deadlineWorkingDays() {
        return deadlineWorkingDays;
    }

    /** A worker of the viewer's town by their worker code, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Worker> workerByCode(SignedInUser viewer, String code) {
        String typed = code == null ? "" : code.trim().toUpperCase();
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        return workers.search(viewer, typed, PageRequest.of(0, 10)).stream()
                .filter(w -> typed.equalsIgnoreCase(w.getWorkerCode())).findFirst();
    }

    /** The worker's payout lines, newest first, for the form's choice of the line a complaint concerns. */
    @Transactional(readOnly = true)
    public List<PayoutBatches.WorkerLine> linesOf(Worker worker) {
        return batches.linesOfWorker(worker.getId());
    }

    /** Who may own a complaint of this town: its active administrators and staff. */
    @Transactional(readOnly = true)
    public List<UserAccount> ownersOf(long townId) {
        List<UserAccount> owners = new ArrayList<>(accounts.activeUsers(townId, Role.STAFF));
        owners.addAll(accounts.activeUsers(townId, Role.ADMIN));
        return owners;
    }

    /** A clerk (ADMIN, STAFF) records a complaint taken by phone or in person. */
    @Transactional
    public Complaint record(SignedInUser actor, NewComplaint form) {
        actor.require(Role.ADMIN, Role.STAFF);
        Worker worker = workerByCode(actor, form.workerCode())
                .orElseThrow(() -> new BusinessRuleException("complaint.worker.unknown"));
        Long batchId = null;
        Long projectId = null;
        if (form.lineId() != null) {
            PayoutLine line = batches.line(actor, form.lineId());
            if (line.workerId() != worker.getId()) {
                throw new BusinessRuleException("complaint.line.otherWorker");
            }
            batchId = line.batchId();
            projectId = batches.batch(actor, batchId).projectId();
        }
        ComplaintChannel channel = form.channel() == ComplaintChannel.IN_PERSON ? ComplaintChannel.IN_PERSON
                : ComplaintChannel.PHONE;
        String owner = ownerFor(actor, worker.getTownId(), form.owner());
        return insert(actor.getUsername(), worker.getTownId(), worker.getId(), worker.getName(), form.contact(), channel,
                form.kind() == null ? ComplaintKind.OTHER : form.kind(), projectId, batchId, form.lineId(),
                form.workDate(), form.content(), owner);
    }

    /**
     * The worker files a complaint themselves (the self-service page, after their PIN was checked): about
     * one of their own payout lines or a day, owned by the town's first staff member (or administrator).
     */
    @Transactional
    public Complaint file(Worker worker, ComplaintKind kind, Long lineId, LocalDate day, String content, String contact) {
        Long batchId = null;
        Long projectId = null;
        if (lineId != null) {
            PayoutBatches.WorkerLine line = batches.linesOfWorker(worker.getId()).stream()
                    .filter(l -> l.lineId() == lineId).findFirst()
                    .orElseThrow(() -> new NotFoundException("PayoutLine", lineId));
            batchId = line.batchId();
            projectId = line.projectId();
        }
        return insert("本人:" + worker.getWorkerCode(), worker.getTownId(), worker.getId(), worker.getName(), contact,
                ComplaintChannel.SELF_SERVICE, kind == null ? ComplaintKind.OTHER : kind, projectId, batchId, lineId, day,
                content, defaultOwner(worker.getTownId()));
    }

    /** A worker's own complaints, newest first, as the self-service page shows them. */
    @Transactional(readOnly = true)
    public List<WorkerView> ofWorker(long workerId) {
        return jdbc.query("select * from complaint where worker_id = ? order by created_at desc, id desc",
                ComplaintService::toComplaint, workerId).stream()
                .map(c -> new WorkerView(c.id(), c.number(), c.kind(), c.status(), c.acceptedOn(), c.deadline(),
                        c.lineId(), c.workDate(), c.content(), c.answer(), c.answeredAt()))
                .toList();
    }

    /** An objection raised while a batch is publicized, recorded by staff as a complaint on the batch (or a line). */
    @Transactional
    public long recordObjection(SignedInUser actor, long batchId, Long lineId, ComplaintKind kind, String raisedBy,
            String content) {
        actor.require(Role.ADMIN, Role.STAFF);
        PayoutBatch batch = batches.lockedForChange(actor, batchId);
        if (batch.status() != org.workrelief.payout.BatchStatus.PUBLICIZED) {
            throw new BusinessRuleException("payout.objection.notPublicized");
        }
        String who = raisedBy == null ? "" : raisedBy.trim();
        String what = content == null ? "" : content.trim();
        if (who.isEmpty() || who.length() > SHORT_MAX || what.isEmpty() || what.length() > TEXT_MAX) {
            throw new BusinessRuleException("payout.objection.incomplete");
        }
        Long workerId = null;
        if (lineId != null) {
            PayoutLine line = batches.line(actor, lineId);
            if (line.batchId() != batchId) {
                throw new NotFoundException("PayoutLine", lineId);
            }
            workerId = line.workerId();
        }
        long townId = projects.get(actor, batch.projectId()).getTownId();
        return insert(actor.getUsername(), townId, workerId, who, null, ComplaintChannel.NOTICE,
                kind == null ? ComplaintKind.OTHER : kind, batch.projectId(), batchId, lineId, null, what,
                ownerFor(actor, townId, null)).id();
    }

    @Transactional(readOnly = true)
    public Complaint get(SignedInUser viewer, long id) {
        return find(id).filter(c -> viewer.maySee(c.townId())).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    @Transactional(readOnly = true)
    public List<ComplaintStep> history(SignedInUser viewer, long id) {
        get(viewer, id);
        return jdbc.query("select * from complaint_step where complaint_id = ? order by at, id",
                (rs, i) -> new ComplaintStep(ComplaintStatus.valueOf(rs.getString("status")), rs.getString("note"),
                        rs.getString("owner"), rs.getTimestamp("at").toInstant(), rs.getString("by_user")), id);
    }

    /**
     * The complaints the viewer may see, newest first: all, those in one status, or only the overdue
     * ones (open after their deadline).
     */
    @Transactional(readOnly = true)
    public Page<Complaint> list(SignedInUser viewer, ComplaintStatus status, boolean overdueOnly, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (viewer.townId() != null) {
            where.append(" and town_id = ?");
            args.add(viewer.townId());
        }
        if (status != null) {
            where.append(" and status = ?");
            args.add(status.name());
        }
        if (overdueOnly) {
            where.append(" and status in ('ACCEPTED', 'IN_PROGRESS') and deadline < ?");
            args.add(java.sql.Date.valueOf(today()));
        }
        Integer total = jdbc.queryForObject("select count(*) from complaint" + where, Integer.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(pageable.getPageSize());
        paged.add(pageable.getOffset());
        List<Complaint> rows = jdbc.query("select * from complaint" + where + " order by created_at desc, id desc limit ? offset ?",
                ComplaintService::toComplaint, paged.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    /**
     * Overdue complaints escalate: an administrator sees those of their town (the county administrator
     * every town's); anyone else those they own.
     */
    @Transactional(readOnly = true)
    public Overdue overdue(SignedInUser viewer, int limit) {
        StringBuilder where = new StringBuilder(" where status in ('ACCEPTED', 'IN_PROGRESS') and deadline < ?");
        List<Object> args = new ArrayList<>(List.of(java.sql.Date.valueOf(today())));
        if (!viewer.hasRole(Role.ADMIN)) {
            where.append(" and owner = ?");
            args.add(viewer.getUsername());
        }
        else if (viewer.townId() != null) {
            where.append(" and town_id = ?");
            args.add(viewer.townId());
        }
        Integer total = jdbc.queryForObject("select count(*) from complaint" + where, Integer.class, args.toArray());
        args.add(limit);
        List<Complaint> items = jdbc.query("select * from complaint" + where + " order by deadline, id limit ?",
                ComplaintService::toComplaint, args.toArray());
        return new Overdue(items, total == null ? 0 : total);
    }

    /** The open complaints this user owns, the nearest deadline first. */
    @Transactional(readOnly = true)
    public List<Complaint> openOwnedBy(SignedInUser owner, int limit) {
        return jdbc.query("""
                select * from complaint where owner = ? and status in ('ACCEPTED', 'IN_PROGRESS')
                order by deadline, id limit ?
                """, ComplaintService::toComplaint, owner.getUsername(), limit);
    }

    /** 处理中: the owner (or an administrator of the town) takes the complaint up. */
    @Transactional
    public Complaint start(SignedInUser actor, long id, long version) {
        return move(actor, id, ComplaintStatus.IN_PROGRESS, null, version);
    }

    /** 已办结: answered; the answer is what the worker is told. */
    @Transactional
    public Complaint resolve(SignedInUser actor, long id, String answer, long version) {
        return move(actor, id, ComplaintStatus.RESOLVED, answer, version);
    }

    /** 已驳回: turned down, with the reason the worker is told. */
    @Transactional
    public Complaint reject(SignedInUser actor, long id, String reason, long version) {
        return move(actor, id, ComplaintStatus.REJECTED, reason, version);
    }

    /** An administrator of the town hands an open complaint to another of its clerks. */
    @Transactional
    public Complaint reassign(SignedInUser actor, long id, String owner, long version) {
        Complaint c = get(actor, id);
        actor.require(Role.ADMIN);
        if (!c.open()) {
            throw new BusinessRuleException("complaint.closed");
        }
        String to = ownerFor(actor, c.townId(), owner);
        update(c, actor, "owner = ?", version, to);
        step(c.id(), c.status(), null, to, actor.getUsername());
        audit(actor.getUsername(), "COMPLAINT_REASSIGNED", c, Map.of("owner", c.owner()), Map.of("owner", to));
        return find(id).orElseThrow();
    }

    /** Settles a complaint on a batch from the batch page; with {@code recompute} its line is computed again. */
    @Transactional
    public void resolveOnBatch(SignedInUser actor, long id, String answer, boolean recompute, long version) {
        String text = answer == null ? "" : answer.trim();
        if (text.isEmpty() || text.length() > TEXT_MAX) {
            throw new BusinessRuleException("payout.objection.resolution.required");
        }
        Complaint c = resolve(actor, id, text, version);
        if (recompute && c.lineId() != null) {
            payouts.recomputeLine(actor, c.lineId());
        }
    }

    private Complaint move(SignedInUser actor, long id, ComplaintStatus to, String text, long version) {
        Complaint c = get(actor, id);
        if (!actor.getUsername().equals(c.owner()) && !actor.hasRole(Role.ADMIN)) {
            throw new BusinessRuleException("complaint.notOwner");
        }
        if (c.version() != version) {
            throw new BusinessRuleException("complaint.stale");
        }
        if (!c.status().mayMoveTo(to)) {
            throw new BusinessRuleException(c.open() ? "complaint.move.invalid" : "complaint.closed");
        }
        String note = text == null ? "" : text.trim();
        if (to == ComplaintStatus.IN_PROGRESS) {
            update(c, actor, "status = 'IN_PROGRESS'", version);
        }
        else {
            if (note.isEmpty() || note.length() > TEXT_MAX) {
                throw new BusinessRuleException(to == ComplaintStatus.REJECTED ? "complaint.reason.required"
                        : "complaint.answer.required");
            }
            update(c, actor, "status = ?, answer = ?, answered_by = ?, answered_at = ?", version, to.name(), note,
                    actor.getUsername(), Timestamp.from(clock.instant()));
        }
        step(c.id(), to, note.isEmpty() ? null : note, c.owner(), actor.getUsername());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        if (!note.isEmpty()) {
            after.put("answer", note);
        }
        String operation = switch (to) {
            case IN_PROGRESS -> "COMPLAINT_STARTED";
            case RESOLVED -> "COMPLAINT_RESOLVED";
            default -> "COMPLAINT_REJECTED";
        };
        audit(actor.getUsername(), operation, c, Map.of("status", c.status().name()), after);
        events.publishEvent(new ComplaintStatusChanged(c.id(), c.number(), c.workerId(), to));
        return find(id).orElseThrow();
    }

    private void update(Complaint c, SignedInUser actor, String set, long version, Object... values) {
        List<Object> args = new ArrayList<>(List.of(values));
        args.add(Timestamp.from(clock.instant()));
        args.add(actor.getUsername());
        args.add(c.id());
        args.add(version);
        int changed = jdbc.update("update complaint set " + set
                + ", version = version + 1, updated_at = ?, updated_by = ? where id = ? and version = ?", args.toArray());
        if (changed == 0) {
            throw new BusinessRuleException("complaint.stale");
        }
    }

    private Complaint insert(String actor, long townId, Long workerId, String raisedBy, String contact,
            ComplaintChannel channel, ComplaintKind kind, Long projectId, Long batchId, Long lineId, LocalDate workDate,
            String content, String owner) {
        String what = content == null ? "" : content.trim();
        if (what.isEmpty() || what.length() > TEXT_MAX) {
            throw new BusinessRuleException("complaint.content.required");
        }
        String phone = contact == null || contact.isBlank() ? null : contact.trim();
        if (phone != null && phone.length() > SHORT_MAX) {
            throw new BusinessRuleException("complaint.contact.tooLong");
        }
        LocalDate today = today();
        if (workDate != null && workDate.isAfter(today)) {
            throw new BusinessRuleException("complaint.day.future");
        }
        Integer seq = jdbc.queryForObject("""
                insert into complaint_number (year, last) values (?, 1)
                on conflict (year) do update set last = complaint_number.last + 1 returning last
                """, Integer.class, today.getYear());
        String number = "WQ-%d-%06d".formatted(today.getYear(), seq);
        Timestamp now = Timestamp.from(clock.instant());
        Long id = jdbc.queryForObject("""
                insert into complaint (number, town_id, worker_id, raised_by, contact, channel, kind, project_id, batch_id,
                                       line_id, work_date, content, status, owner, accepted_on, deadline,
                                       created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACCEPTED', ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, number, townId, workerId, raisedBy, phone, channel.name(), kind.name(), projectId, batchId,
                lineId, workDate == null ? null : java.sql.Date.valueOf(workDate), what, owner, java.sql.Date.valueOf(today),
                java.sql.Date.valueOf(WorkingDays.after(today, deadlineWorkingDays)), now, actor, now, actor);
        step(id, ComplaintStatus.ACCEPTED, null, owner, actor);
        Complaint c = find(id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", number);
        after.put("kind", kind.name());
        after.put("channel", channel.name());
        after.put("owner", owner);
        after.put("deadline", c.deadline().toString());
        after.put("content", what);
        if (lineId != null) {
            after.put("line", lineId);
        }
        audit(actor, "COMPLAINT_RECORDED", c, null, after);
        events.publishEvent(new ComplaintStatusChanged(c.id(), number, workerId, ComplaintStatus.ACCEPTED));
        return c;
    }

    private void step(long id, ComplaintStatus status, String note, String owner, String by) {
        jdbc.update("insert into complaint_step (complaint_id, status, note, owner, at, by_user) values (?, ?, ?, ?, ?, ?)",
                id, status.name(), note, owner, Timestamp.from(clock.instant()), by);
    }

    private void audit(String actor, String action, Complaint c, Object before, Object after) {
        AuditEvent event = AuditEvent.of(action, ENTITY, c.id());
        event = c.projectId() == null ? event.inTown(c.townId()) : event.inProject(c.projectId(), c.townId());
        auditLog.recordAs(actor, event.change(before, after).detail(c.number()));
    }

    /** The owner asked for, if a clerk of the town; else the actor if one; else the town's first clerk. */
    private String ownerFor(SignedInUser actor, long townId, String asked) {
        List<UserAccount> clerks = ownersOf(townId);
        String wanted = asked == null || asked.isBlank() ? actor.getUsername() : asked.trim();
        if (clerks.stream().anyMatch(u -> u.getUsername().equals(wanted))) {
            return wanted;
        }
        if (asked != null && !asked.isBlank()) {
            throw new BusinessRuleException("complaint.owner.notOfTown");
        }
        return defaultOwner(townId);
    }

    private String defaultOwner(long townId) {
        return ownersOf(townId).stream().findFirst().map(UserAccount::getUsername)
                .orElseThrow(() -> new BusinessRuleException("complaint.owner.none"));
    }

    Optional<Complaint> find(long id) {
        return jdbc.query("select * from complaint where id = ?", ComplaintService::toComplaint, id).stream().findFirst();
    }

    /** The complaints on a batch or its lines, oldest first. */
    List<Complaint> onBatch(long batchId) {
        return jdbc.query("select * from complaint where batch_id = ? order by created_at, id", ComplaintService::toComplaint,
                batchId);
    }

    static Complaint toComplaint(ResultSet rs, int row) throws SQLException {
        return new Complaint(rs.getLong("id"), rs.getString("number"), rs.getLong("town_id"),
                rs.getObject("worker_id", Long.class), rs.getString("raised_by"), rs.getString("contact"),
                ComplaintChannel.valueOf(rs.getString("channel")), ComplaintKind.valueOf(rs.getString("kind")),
                rs.getObject("project_id", Long.class), rs.getObject("batch_id", Long.class),
                rs.getObject("line_id", Long.class),
                rs.getDate("work_date") == null ? null : rs.getDate("work_date").toLocalDate(), rs.getString("content"),
                ComplaintStatus.valueOf(rs.getString("status")), rs.getString("owner"),
                rs.getDate("accepted_on").toLocalDate(), rs.getDate("deadline").toLocalDate(), rs.getString("answer"),
                rs.getString("answered_by"),
                rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getLong("version"));
    }
}
