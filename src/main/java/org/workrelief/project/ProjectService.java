package org.workrelief.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;

/**
 * Use cases on projects. Everyone of a town sees its projects; only administrators create, edit
 * and move them. A project of another town is "not found" for a town user.
 */
@Service
public class ProjectService {

    static final String ENTITY = "Project";

    private final ProjectRepository projects;
    /** Lazily looked up: the worker module implements it and itself depends on this service. */
    private final ObjectProvider<ConstructionReadiness> readiness;
    private final AuditLog auditLog;
    private final Clock clock;
    private final BigDecimal shareThresholdPercent;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    ProjectService(ProjectRepository projects, ObjectProvider<ConstructionReadiness> readiness, AuditLog auditLog, Clock clock,
            @Value("${workrelief.remuneration-share-threshold-percent:30}") BigDecimal shareThresholdPercent,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.readiness = readiness;
        this.auditLog = auditLog;
        this.clock = clock;
        this.shareThresholdPercent = shareThresholdPercent;
    }

    @Transactional(readOnly = true)
    public Page<Project> search(SignedInUser viewer, String query, ProjectStatus status, Pageable pageable) {
        String normalized = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return projects.search(viewer.townId(), status, normalized, pageable);
    }

    /** Every project the viewer may see (their town's, or all at county level), in one query. */
    @Transactional(readOnly = true)
    public List<Project> visibleTo(SignedInUser viewer, Sort sort) {
        return projects.findVisible(viewer.townId(), sort);
    }

    /** Every project of every town: for the jobs, which act for nobody. */
    @Transactional(readOnly = true)
    public List<Project> all(Sort sort) {
        return projects.findVisible(null, sort);
    }

    /** Of these projects, the ones the viewer may see, in one query. */
    @Transactional(readOnly = true)
    public Set<Long> visibleIds(SignedInUser viewer, Collection<Long> ids) {
        return projects.findAllById(ids).stream().filter(project -> viewer.maySee(project.getTownId()))
                .map(Project::getId).collect(Collectors.toSet());
    }

    /** The project, if the viewer may see it; otherwise "not found". */
    @Transactional(readOnly = true)
    public Project get(SignedInUser viewer, long id) {
        return projects.findById(id).filter(project -> viewer.maySee(project.getTownId()))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /**
     * 本人查询: a project a worker is (or was) enrolled on, for the worker's self-service session; the
     * caller has taken the id from that worker's own enrollments.
     */
    @Transactional(readOnly = true)
    public Project ofOwnEnrollment(long id) {
        return projects.findById(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /** What a sign-in needs of a project, in one query (the device API's hot path). */
    public record SiteFacts(long projectId, long townId, ProjectStatus status, BigDecimal latitude, BigDecimal longitude,
            Integer radiusMetres) {
    }

    @Transactional(readOnly = true)
    public java.util.Optional<SiteFacts> siteFacts(long projectId) {
        return jdbc.query("select id, town_id, status, latitude, longitude, radius_m from project where id = ?",
                (rs, i) -> new SiteFacts(rs.getLong(1), rs.getLong(2), ProjectStatus.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), (Integer) rs.getObject(6)), projectId)
                .stream().findFirst();
    }

    /** The project's form, for editing. */
    @Transactional(readOnly = true)
    public ProjectForm formOf(SignedInUser viewer, long id) {
        return get(viewer, id).toForm();
    }

    @Transactional
    public Project create(SignedInUser actor, ProjectForm form) {
        actor.require(Role.ADMIN);
        requireTown(actor, form.townId());
        if (projects.existsByCode(form.code().trim().toUpperCase())) {
            throw new BusinessRuleException("project.code.taken", form.code().trim().toUpperCase());
        }
        Project project = projects.save(new Project(form));
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("PROJECT_CREATED", ENTITY, project.getId())
                .inTown(project.getTownId()).change(null, form));
        return project;
    }

    @Transactional
    public Project update(SignedInUser actor, long id, ProjectForm form) {
        actor.require(Role.ADMIN);
        Project project = get(actor, id);
        if (project.getVersion() != form.version()) {
            throw new ObjectOptimisticLockingFailureException(Project.class, id);
        }
        if (!project.getTownId().equals(form.townId())) {
            throw new BusinessRuleException("project.town.fixed");
        }
        if (projects.existsByCodeAndIdNot(form.code().trim().toUpperCase(), id)) {
            throw new BusinessRuleException("project.code.taken", form.code().trim().toUpperCase());
        }
        ProjectForm before = project.toForm();
        project.apply(form);
        projects.flush();
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("PROJECT_UPDATED", ENTITY, project.getId())
                .inTown(project.getTownId()).change(before, project.toForm()));
        return project;
    }

    @Transactional
    public Project advance(SignedInUser actor, long id, ProjectStatus target) {
        actor.require(Role.ADMIN);
        Project project = get(actor, id);
        ProjectStatus before = project.getStatus();
        project.advanceTo(target, readiness.getObject(), LocalDate.now(clock));
        projects.flush(); // sign-ins read the status by plain SQL, also within this transaction
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("PROJECT_STATUS_CHANGED", ENTITY, project.getId())
                .inTown(project.getTownId()).change(Map.of("status", before), Map.of("status", target)));
        return project;
    }

    /** The policy floor for the remuneration share (30% since 2022 unless configured). */
    public BigDecimal shareThresholdPercent() {
        return shareThresholdPercent;
    }

    public boolean isShareBelowThreshold(Project project) {
        BigDecimal share = project.remunerationSharePercent();
        return share != null && share.compareTo(shareThresholdPercent) < 0;
    }

    private static void requireTown(SignedInUser actor, Long townId) {
        if (!actor.maySee(townId)) {
            throw new BusinessRuleException("project.town.notYours");
        }
    }
}
