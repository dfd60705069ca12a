package org.workrelief.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;

/**
 * The monthly progress figures of a project (完成投资, 资金拨付), entered by the town (administrator,
 * staff or finance) on a small form, one row per month, corrected by entering the month again.
 */
@Service
public class ProgressService {

    static final String ENTITY = "ProjectProgress";

    private final ProjectProgressRepository progress;
    private final ProjectService projects;
    private final AuditLog auditLog;
    private final Clock clock;

    ProgressService(ProjectProgressRepository progress, ProjectService projects, AuditLog auditLog, Clock clock) {
        this.progress = progress;
        this.projects = projects;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The project's monthly figures, the latest month first. */
    @Transactional(readOnly = true)
    public List<ProjectProgress> of(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return progress.findByProjectIdOrderByMonthDesc(projectId);
    }

    /**
     * Records (or corrects) one month's figures. Refused: a month after the current one, and funds
     * disbursed in all months together above the project's total investment (central + local + other).
     */
    @Transactional
    public ProjectProgress record(SignedInUser actor, long projectId, ProgressForm form) {
        actor.require(Role.ADMIN, Role.STAFF, Role.FINANCE);
        Project project = projects.get(actor, projectId);
        YearMonth month = month(form.month());
        if (month.isAfter(YearMonth.now(clock))) {
            throw new BusinessRuleException("report.progress.month.future");
        }
        LocalDate first = month.atDay(1);
        ProjectProgress row = progress.findByProjectIdAndMonth(projectId, first)
                .orElseGet(() -> new ProjectProgress(projectId, first));
        Map<String, Object> before = row.getId() == null ? null : snapshot(row);
        BigDecimal otherMonths = progress.findByProjectIdOrderByMonthDesc(projectId).stream()
                .filter(other -> !other.getMonth().equals(first)).map(ProjectProgress::getFundsDisbursed)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = project.totalInvestment();
        if (otherMonths.add(form.fundsDisbursed()).compareTo(total) > 0) {
            throw new BusinessRuleException("report.progress.disbursedAboveTotal", total.toPlainString());
        }
        row.change(form.investmentCompleted(), form.fundsDisbursed());
        ProjectProgress saved = progress.saveAndFlush(row);
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("PROJECT_PROGRESS_RECORDED", ENTITY, saved.getId())
                .inProject(project.getId(), project.getTownId()).change(before, snapshot(saved)));
        return saved;
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.trim());
        }
        catch (DateTimeParseException e) {
            throw new BusinessRuleException("report.progress.month.format");
        }
    }

    private static Map<String, Object> snapshot(ProjectProgress row) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("month", YearMonth.from(row.getMonth()).toString());
        map.put("investmentCompleted", row.getInvestmentCompleted());
        map.put("fundsDisbursed", row.getFundsDisbursed());
        return map;
    }
}
