package org.workrelief.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.workrelief.common.BaseEntity;
import org.workrelief.common.BusinessRuleException;

/** 以工代赈项目: one funded build, owned by a town. Its rules (contracting, status moves) live here. */
@Entity
@Table(name = "project")
public class Project extends BaseEntity {

    private String code;
    private String name;
    private Long townId;
    private String villages;
    private String location;
    private BigDecimal latitude;
    private BigDecimal longitude;
    @Column(name = "radius_m")
    private Integer radiusMetres;

    private String entityName;
    @Enumerated(EnumType.STRING)
    private EntityKind entityKind;
    private String entityCreditCode;
    @Enumerated(EnumType.STRING)
    private ContractingMode contractingMode;
    private LocalDate councilResolutionDate;
    private String councilResolutionRef;
    private String townApprovalRef;

    private BigDecimal centralFunds;
    private BigDecimal localFunds;
    private BigDecimal socialCapital;
    private BigDecimal plannedRemuneration;
    private int plannedWorkers;
    private int plannedTrainees;
    private BigDecimal incomeTargetPerWorker;
    private LocalDate startDate;
    private LocalDate plannedCompletion;
    private LocalDate actualCompletion;

    @Enumerated(EnumType.STRING)
    private ProjectStatus status = ProjectStatus.PLANNED;

    // 项目公示牌 (issue 20 §6): public, shown on the sign board and the project's public page
    private String scaleContent;
    private String builderName;
    private String supervisionUnit;
    private String supervisionPhone;

    // 劳务报酬占比 (issue 20 §1): the approval document's figure, the fund batch, and why a completion fell short
    private String approvalRef;
    private LocalDate approvalDate;
    private BigDecimal approvedSharePercent;
    @Enumerated(EnumType.STRING)
    private FundBatchKind fundBatchKind = FundBatchKind.REGULAR;
    private String completionExplanation;

    protected Project() {
    }

    Project(ProjectForm form, BigDecimal defaultSharePercent) {
        apply(form, defaultSharePercent);
    }

    /**
     * Takes the form's values after checking the rules that span fields; an approved share left empty
     * takes {@code defaultSharePercent} (the town's setting, else the county's).
     */
    void apply(ProjectForm form, BigDecimal defaultSharePercent) {
        FundBatchKind kind = form.fundBatchKind() == null ? FundBatchKind.REGULAR : form.fundBatchKind();
        if (form.approvedSharePercent() != null && kind.minimumSharePercent() != null
                && form.approvedSharePercent().compareTo(kind.minimumSharePercent()) < 0) {
            throw new BusinessRuleException("project.share.belowBatchMinimum", kind.minimumSharePercent());
        }
        String creditCode = form.entityCreditCode().trim().toUpperCase();
        if (!UnifiedSocialCreditCode.isValid(creditCode)) {
            throw new BusinessRuleException("project.entity.creditCode.invalid");
        }
        if (form.contractingMode() == ContractingMode.DIRECT
                && (form.councilResolutionDate() == null || isBlank(form.councilResolutionRef())
                        || isBlank(form.townApprovalRef()))) {
            throw new BusinessRuleException("project.direct.needsResolution");
        }
        if ((form.latitude() == null) != (form.longitude() == null)) {
            throw new BusinessRuleException("project.coordinates.both");
        }
        if (form.startDate() != null && form.plannedCompletion() != null
                && form.plannedCompletion().isBefore(form.startDate())) {
            throw new BusinessRuleException("project.dates.order");
        }
        if (form.actualCompletion() != null && form.startDate() != null
                && form.actualCompletion().isBefore(form.startDate())) {
            throw new BusinessRuleException("project.dates.order");
        }
        this.code = form.code().trim().toUpperCase();
        this.name = form.name().trim();
        if (this.townId == null) {
            this.townId = form.townId(); // a project stays in the town that created it: its roster belongs there
        }
        this.villages = form.villages().trim();
        this.location = trimToNull(form.location());
        this.latitude = form.latitude();
        this.longitude = form.longitude();
        this.radiusMetres = form.latitude() == null ? null : form.radiusMetres() == null ? 500 : form.radiusMetres();
        this.entityName = form.entityName().trim();
        this.entityKind = form.entityKind();
        this.entityCreditCode = creditCode;
        this.contractingMode = form.contractingMode();
        boolean direct = form.contractingMode() == ContractingMode.DIRECT;
        this.councilResolutionDate = direct ? form.councilResolutionDate() : null;
        this.councilResolutionRef = direct ? form.councilResolutionRef().trim() : null;
        this.townApprovalRef = direct ? form.townApprovalRef().trim() : null;
        this.centralFunds = money(form.centralFunds());
        this.localFunds = money(form.localFunds());
        this.socialCapital = money(form.socialCapital());
        this.plannedRemuneration = money(form.plannedRemuneration());
        this.plannedWorkers = form.plannedWorkers();
        this.plannedTrainees = form.plannedTrainees();
        this.incomeTargetPerWorker = form.incomeTargetPerWorker() == null ? null : money(form.incomeTargetPerWorker());
        this.startDate = form.startDate();
        this.plannedCompletion = form.plannedCompletion();
        this.actualCompletion = form.actualCompletion();
        this.approvalRef = trimToNull(form.approvalRef());
        this.approvalDate = form.approvalDate();
        this.approvedSharePercent = form.approvedSharePercent() != null ? form.approvedSharePercent() : defaultSharePercent;
        this.fundBatchKind = kind;
        applySignBoard(form);
    }

    /** 项目公示牌: public text, so no full ID, bank card or mobile number of a person may be in it. */
    private void applySignBoard(ProjectForm form) {
        String board = String.join("\n", nullToEmpty(form.scaleContent()), nullToEmpty(form.builderName()),
                nullToEmpty(form.supervisionUnit()), nullToEmpty(form.supervisionPhone()));
        if (org.workrelief.common.PersonalNumbers.find(board).isPresent()) {
            throw new BusinessRuleException("project.signBoard.personal");
        }
        this.scaleContent = trimToNull(form.scaleContent());
        this.builderName = trimToNull(form.builderName());
        this.supervisionUnit = trimToNull(form.supervisionUnit());
        this.supervisionPhone = trimToNull(form.supervisionPhone());
    }

    /**
     * Moves the project one step on. Construction needs at least one team and one enrolled worker
     * with a signed contract and valid insurance; completion needs the actual completion date.
     */
    void advanceTo(ProjectStatus target, ConstructionReadiness readiness, LocalDate today, LabourShare share,
            String explanation) {
        if (target != status.next()) {
            throw new BusinessRuleException("project.status.notNext");
        }
        if (target == ProjectStatus.UNDER_CONSTRUCTION) {
            if (readiness.teams(getId()) == 0) {
                throw new BusinessRuleException("project.status.needsTeam");
            }
            if (readiness.readyWorkers(getId(), today) == 0) {
                throw new BusinessRuleException("project.status.needsReadyWorker");
            }
        }
        if (target == ProjectStatus.COMPLETED && actualCompletion == null) {
            throw new BusinessRuleException("project.status.needsActualCompletion");
        }
        if (target == ProjectStatus.COMPLETED) {
            // rule 14: completing below the floor needs a written explanation, kept with the project
            if (share.paidBelowFloor() && isBlank(explanation)) {
                throw new BusinessRuleException("project.completion.explanationRequired", share.paidPercent(),
                        share.floorPercent());
            }
            this.completionExplanation = trimToNull(explanation);
        }
        this.status = target;
    }

    /**
     * 劳务报酬占比: planned remuneration as a share of the central budget funds, in percent with one
     * decimal, or null when there are no central funds to divide by.
     */
    public BigDecimal remunerationSharePercent() {
        if (centralFunds == null || centralFunds.signum() == 0) {
            return null;
        }
        return plannedRemuneration.multiply(BigDecimal.valueOf(100)).divide(centralFunds, 1, RoundingMode.HALF_UP);
    }

    /**
     * The share the project must reach: its approved share (or, for a project saved before shares were
     * recorded, {@code fallbackPercent}), raised to its fund batch's minimum.
     */
    public BigDecimal labourShareFloorPercent(BigDecimal fallbackPercent) {
        BigDecimal approved = approvedSharePercent != null ? approvedSharePercent : fallbackPercent;
        BigDecimal minimum = fundBatchKind == null ? null : fundBatchKind.minimumSharePercent();
        return minimum != null && (approved == null || minimum.compareTo(approved) > 0) ? minimum : approved;
    }

    ProjectForm toForm() {
        return new ProjectForm(code, name, townId, villages, location, latitude, longitude, radiusMetres, entityName,
                entityKind, entityCreditCode, contractingMode, councilResolutionDate, councilResolutionRef,
                townApprovalRef, centralFunds, localFunds, socialCapital, plannedRemuneration, plannedWorkers,
                plannedTrainees, incomeTargetPerWorker, startDate, plannedCompletion, actualCompletion,
                scaleContent, builderName, supervisionUnit, supervisionPhone, approvalRef, approvalDate,
                approvedSharePercent, fundBatchKind, getVersion());
    }

    /** 总投资: central and local funds and other (social capital) together, as the report and the sign board give it. */
    public BigDecimal totalInvestment() {
        return totalInvestment(centralFunds, localFunds, socialCapital);
    }

    /** The same sum for figures read without the entity (the public sign board); a missing part counts as zero. */
    public static BigDecimal totalInvestment(BigDecimal central, BigDecimal local, BigDecimal other) {
        return orZero(central).add(orZero(local)).add(orZero(other));
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String trimToNull(String text) {
        return isBlank(text) ? null : text.trim();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public Long getTownId() { return townId; }
    public String getVillages() { return villages; }
    public String getLocation() { return location; }
    public BigDecimal getLatitude() { return latitude; }
    public BigDecimal getLongitude() { return longitude; }
    public Integer getRadiusMetres() { return radiusMetres; }
    public String getEntityName() { return entityName; }
    public EntityKind getEntityKind() { return entityKind; }
    public String getEntityCreditCode() { return entityCreditCode; }
    public ContractingMode getContractingMode() { return contractingMode; }
    public LocalDate getCouncilResolutionDate() { return councilResolutionDate; }
    public String getCouncilResolutionRef() { return councilResolutionRef; }
    public String getTownApprovalRef() { return townApprovalRef; }
    public BigDecimal getCentralFunds() { return centralFunds; }
    public BigDecimal getLocalFunds() { return localFunds; }
    public BigDecimal getSocialCapital() { return socialCapital; }
    public BigDecimal getPlannedRemuneration() { return plannedRemuneration; }
    public int getPlannedWorkers() { return plannedWorkers; }
    public int getPlannedTrainees() { return plannedTrainees; }
    public BigDecimal getIncomeTargetPerWorker() { return incomeTargetPerWorker; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getPlannedCompletion() { return plannedCompletion; }
    public LocalDate getActualCompletion() { return actualCompletion; }
    public ProjectStatus getStatus() { return status; }
    public String getScaleContent() { return scaleContent; }
    public String getBuilderName() { return builderName; }
    public String getSupervisionUnit() { return supervisionUnit; }
    public String getSupervisionPhone() { return supervisionPhone; }
    public String getApprovalRef() { return approvalRef; }
    public LocalDate getApprovalDate() { return approvalDate; }
    public BigDecimal getApprovedSharePercent() { return approvedSharePercent; }
    public FundBatchKind getFundBatchKind() { return fundBatchKind; }
    public String getCompletionExplanation() { return completionExplanation; }
}
