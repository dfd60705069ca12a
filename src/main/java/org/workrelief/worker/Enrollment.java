package org.workrelief.worker;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.workrelief.common.BaseEntity;
import org.workrelief.common.BusinessRuleException;

/**
 * 务工登记: a worker on a project in one team, how they were recruited, their labour contract
 * (劳务合同) and accident insurance (意外险). Who may sign in on a day is decided here.
 */
@Entity
@Table(name = "enrollment")
public class Enrollment extends BaseEntity {

    private Long projectId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "worker_id")
    private Worker worker;

    private Long teamId;
    @Enumerated(EnumType.STRING)
    private RecruitmentSource source;
    @Enumerated(EnumType.STRING)
    private EnrollmentStatus status = EnrollmentStatus.ACTIVE;
    private LocalDate enrolledOn;
    private LocalDate leftOn;

    private LocalDate contractSignedOn;
    private LocalDate contractFrom;
    private LocalDate contractTo;

    private String insurer;
    private String policyNumber;
    private LocalDate insuranceFrom;
    private LocalDate insuranceTo;

    protected Enrollment() {
    }

    Enrollment(long projectId, Worker worker, EnrollmentForm form) {
        this.projectId = projectId;
        this.worker = worker;
        apply(form);
    }

    /** Takes the form after checking that each period ends after it starts and is complete. */
    void apply(EnrollmentForm form) {
        if (form.contractFrom() != null && form.contractTo() != null && form.contractTo().isBefore(form.contractFrom())) {
            throw new BusinessRuleException("enrollment.contract.dates");
        }
        if (form.contractSignedOn() == null && (form.contractFrom() != null || form.contractTo() != null)) {
            throw new BusinessRuleException("enrollment.contract.signedOnMissing");
        }
        boolean anyInsurance = notBlank(form.insurer()) || notBlank(form.policyNumber()) || form.insuranceFrom() != null
                || form.insuranceTo() != null;
        boolean fullInsurance = notBlank(form.insurer()) && notBlank(form.policyNumber()) && form.insuranceFrom() != null
                && form.insuranceTo() != null;
        if (anyInsurance && !fullInsurance) {
            throw new BusinessRuleException("enrollment.insurance.incomplete");
        }
        if (fullInsurance && form.insuranceTo().isBefore(form.insuranceFrom())) {
            throw new BusinessRuleException("enrollment.insurance.dates");
        }
        this.teamId = form.teamId();
        this.source = form.source();
        this.enrolledOn = form.enrolledOn();
        this.contractSignedOn = form.contractSignedOn();
        this.contractFrom = form.contractFrom();
        this.contractTo = form.contractTo();
        this.insurer = fullInsurance ? form.insurer().trim() : null;
        this.policyNumber = fullInsurance ? form.policyNumber().trim() : null;
        this.insuranceFrom = fullInsurance ? form.insuranceFrom() : null;
        this.insuranceTo = fullInsurance ? form.insuranceTo() : null;
    }

    void leave(LocalDate day) {
        if (status == EnrollmentStatus.LEFT) {
            throw new BusinessRuleException("enrollment.alreadyLeft");
        }
        this.status = EnrollmentStatus.LEFT;
        this.leftOn = day;
    }

    public boolean isActive() {
        return status == EnrollmentStatus.ACTIVE;
    }

    /** Rule 4: may sign in on {@code day} only if active, with a signed contract and insurance valid that day. */
    public WorkEligibility eligibilityOn(LocalDate day) {
        return WorkEligibility.on(day, enrolledOn, leftOn, contractSignedOn, insuranceFrom, insuranceTo);
    }

    /** Insurance ends from today to {@link EnrollmentService#INSURANCE_EXPIRY_WARNING_DAYS} days on. */
    public boolean insuranceExpiringOn(LocalDate today) {
        return insuranceExpiresWithin(today, EnrollmentService.INSURANCE_EXPIRY_WARNING_DAYS);
    }

    public boolean insuranceExpiresWithin(LocalDate today, int days) {
        return insuranceTo != null && !insuranceTo.isBefore(today) && !insuranceTo.isAfter(today.plusDays(days));
    }

    EnrollmentForm toForm() {
        return new EnrollmentForm(teamId, source, enrolledOn, contractSignedOn, contractFrom, contractTo, insurer,
                policyNumber, insuranceFrom, insuranceTo, getVersion());
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    public Long getProjectId() { return projectId; }
    public Worker getWorker() { return worker; }
    public Long getTeamId() { return teamId; }
    public RecruitmentSource getSource() { return source; }
    public EnrollmentStatus getStatus() { return status; }
    public LocalDate getEnrolledOn() { return enrolledOn; }
    public LocalDate getLeftOn() { return leftOn; }
    public LocalDate getContractSignedOn() { return contractSignedOn; }
    public LocalDate getContractFrom() { return contractFrom; }
    public LocalDate getContractTo() { return contractTo; }
    public String getInsurer() { return insurer; }
    public String getPolicyNumber() { return policyNumber; }
    public LocalDate getInsuranceFrom() { return insuranceFrom; }
    public LocalDate getInsuranceTo() { return insuranceTo; }
}
