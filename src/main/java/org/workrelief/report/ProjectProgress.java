package org.workrelief.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.workrelief.common.BaseEntity;

/** 项目进度月报: a project's investment completed and funds disbursed in one month (its first day). */
@Entity
@Table(name = "project_progress")
public class ProjectProgress extends BaseEntity {

    private Long projectId;
    private LocalDate month;
    private BigDecimal investmentCompleted;
    private BigDecimal fundsDisbursed;

    protected ProjectProgress() {
    }

    ProjectProgress(long projectId, LocalDate month) {
        this.projectId = projectId;
        this.month = month;
    }

    void change(BigDecimal investmentCompleted, BigDecimal fundsDisbursed) {
        this.investmentCompleted = investmentCompleted.setScale(2, RoundingMode.HALF_UP);
        this.fundsDisbursed = fundsDisbursed.setScale(2, RoundingMode.HALF_UP);
    }

    public Long getProjectId() { return projectId; }
    public LocalDate getMonth() { return month; }
    public BigDecimal getInvestmentCompleted() { return investmentCompleted; }
    public BigDecimal getFundsDisbursed() { return fundsDisbursed; }
}
