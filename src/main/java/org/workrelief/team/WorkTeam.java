package org.workrelief.team;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.workrelief.common.BaseEntity;
import org.workrelief.common.BusinessRuleException;

/** 班组: workers of one project grouped by skill, paid at the team's day rate. */
@Entity
@Table(name = "work_team")
public class WorkTeam extends BaseEntity {

    private Long projectId;
    private String name;
    @Enumerated(EnumType.STRING)
    private SkillType skillType;
    private BigDecimal dayRate;
    private String notes;
    private Long leaderWorkerId;

    protected WorkTeam() {
    }

    WorkTeam(long projectId, TeamForm form, BigDecimal maxDayRate) {
        this.projectId = projectId;
        apply(form, maxDayRate);
    }

    /** The day rate must be above zero and not above the configured ceiling. */
    void apply(TeamForm form, BigDecimal maxDayRate) {
        if (form.dayRate().signum() <= 0) {
            throw new BusinessRuleException("team.dayRate.positive");
        }
        if (form.dayRate().stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleException("money.format");
        }
        if (form.dayRate().compareTo(maxDayRate) > 0) {
            throw new BusinessRuleException("team.dayRate.tooHigh", maxDayRate);
        }
        this.name = form.name().trim();
        this.skillType = form.skillType();
        this.dayRate = form.dayRate().setScale(2, RoundingMode.UNNECESSARY);
        this.notes = form.notes() == null || form.notes().isBlank() ? null : form.notes().trim();
    }

    void appointLeader(Long workerId) {
        this.leaderWorkerId = workerId;
    }

    TeamForm toForm() {
        return new TeamForm(name, skillType, dayRate, notes, getVersion());
    }

    public Long getProjectId() { return projectId; }
    public String getName() { return name; }
    public SkillType getSkillType() { return skillType; }
    public BigDecimal getDayRate() { return dayRate; }
    public String getNotes() { return notes; }
    public Long getLeaderWorkerId() { return leaderWorkerId; }
}
