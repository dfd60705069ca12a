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
import org.workrelief.account.TownSettings;
import org.workrelief.common.db.RowStamp;
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
    /** Lazily looked up: the payout module implements it and itself depends on this service. */
    private final ObjectProvider<ReleasedWages> releasedWages;
    private final TownSettings townSettings;

    ProjectService(ProjectRepository projects, ObjectProvider<ConstructionReadiness> readiness, AuditLog auditLog, Clock clock,
            @Value("${workrelief.remuneration-share-threshold-percent:30}") BigDecimal shareThresholdPercent,
            org.springframework.jdbc.core.JdbcTemplate jdbc, ObjectProvider<ReleasedWages> releasedWages,
            TownSettings townSettings) {
        this.jdbc = jdbc;
        this.townSettings = townSettings;
        this.releasedWages = releasedWages;
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
        Project project = projects.save(new Project(form, defaultSharePercent(form.townId())));
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
        project.apply(form, defaultSharePercent(project.getTownId()));
        projects.flush();
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("PROJECT_UPDATED", ENTITY, project.getId())
                .inTown(project.getTownId()).change(before, project.toForm()));
        return project;
    }

    @Transactional
    public Project advance(SignedInUser actor, long id, ProjectStatus target) {
        return advance(actor, id, target, null);
    }

    /**
     * Moves the project one step on; completing it below its labour-share floor needs {@code explanation}
     * (rule 14), which is kept with the project and in the audit log.
     */
    @Transactional
    public Project advance(SignedInUser actor, long id, ProjectStatus target, String explanation) {
        actor.require(Role.ADMIN);
        Project project = get(actor, id);
        ProjectStatus before = project.getStatus();
        LabourShare share = target == ProjectStatus.COMPLETED ? labourShare(project) : null;
        project.advanceTo(target, readiness.getObject(), LocalDate.now(clock), share, explanation);
        projects.flush(); // sign-ins read the status by plain SQL, also within this transaction
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("status", target);
        if (share != null) {
            after.put("paidSharePercent", share.paidPercent() == null ? "—" : share.paidPercent());
            after.put("floorPercent", share.floorPercent());
            if (project.getCompletionExplanation() != null) {
                after.put("explanation", project.getCompletionExplanation());
            }
        }
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("PROJECT_STATUS_CHANGED", ENTITY, project.getId())
                .inTown(project.getTownId()).change(Map.of("status", before), after));
        return project;
    }

    /** The project's approved, floor, planned and paid labour shares (the paid share from the wages released so far). */
    @Transactional(readOnly = true)
    public LabourShare labourShare(Project project) {
        return LabourShare.of(project, defaultSharePercent(project.getTownId()),
                releasedWages.getObject().releasedWages(project.getId()));
    }

    /** The approved share a project of this town takes when its approval names none: the town's setting, else the county's. */
    @Transactional(readOnly = true)
    public BigDecimal defaultSharePercent(Long townId) {
        BigDecimal town = townId == null ? null : jdbc.query("select labour_share_percent from town_setting where id = ?",
                (rs, i) -> rs.getBigDecimal(1), townId).stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return town != null ? town : shareThresholdPercent;
    }

    /** Each project's labour-share floor, with one query for the towns' defaults (the overview shows hundreds). */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> floors(Collection<Project> list) {
        Map<Long, BigDecimal> townDefaults = new java.util.HashMap<>();
        jdbc.query("select id, labour_share_percent from town_setting where labour_share_percent is not null",
                rs -> { townDefaults.put(rs.getLong(1), rs.getBigDecimal(2)); });
        Map<Long, BigDecimal> floors = new java.util.HashMap<>();
        for (Project project : list) {
            floors.put(project.getId(), project.labourShareFloorPercent(
                    townDefaults.getOrDefault(project.getTownId(), shareThresholdPercent)));
        }
        return floors;
    }

    /** A town's default share as the county sets it ({@code null}: the county's own figure). */
    public record TownShare(long townId, String townName, BigDecimal percent) {
    }

    @Transactional(readOnly = true)
    public List<TownShare> townShares(SignedInUser viewer) {
        return jdbc.query("select id, name, labour_share_percent from town_setting where (? or id = ?) order by code",
                (rs, i) -> new TownShare(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)), viewer.isCountyLevel(),
                viewer.isCountyLevel() ? 0L : viewer.townId());
    }

    /** Only the county's administrator sets a town's default share (blank: the county's figure applies). */
    @Transactional
    public void setTownShare(SignedInUser actor, long townId, BigDecimal percent) {
        actor.require(Role.ADMIN);
        if (!actor.isCountyLevel()) {
            throw new BusinessRuleException("project.share.townSetting.countyOnly");
        }
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                || percent.scale() > 2)) {
            throw new BusinessRuleException("project.approvedShare.range");
        }
        BigDecimal before = townSettings.setLabourSharePercent(townId, percent, RowStamp.now(clock, actor.getUsername()));
        Map<String, Object> from = new java.util.HashMap<>();
        from.put("labourSharePercent", before);
        Map<String, Object> to = new java.util.HashMap<>();
        to.put("labourSharePercent", percent);
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("TOWN_LABOUR_SHARE_SET", "Town", townId).inTown(townId)
                .change(from, to));
    }

    /** The policy floor for the remuneration share (30% since 2022 unless configured). */
    public BigDecimal shareThresholdPercent() {
        return shareThresholdPercent;
    }

    /** The planned share is below the project's floor (its approved share, raised to its fund batch's minimum). */
    public boolean isShareBelowThreshold(Project project) {
        BigDecimal share = project.remunerationSharePercent();
        BigDecimal floor = project.labourShareFloorPercent(defaultSharePercent(project.getTownId()));
        return share != null && floor != null && share.compareTo(floor) < 0;
    }

    private static void requireTown(SignedInUser actor, Long townId) {
        if (!actor.maySee(townId)) {
            throw new BusinessRuleException("project.town.notYours");
        }
    }
}
