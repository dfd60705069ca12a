package org.workrelief.report.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.AccountService;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.web.Downloads;
import org.workrelief.common.web.Flash;
import org.workrelief.common.web.FormErrors;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.report.Period;
import org.workrelief.report.ProgressForm;
import org.workrelief.report.ProgressService;
import org.workrelief.report.ReportService;
import org.workrelief.report.ReportService.Report;
import org.workrelief.report.ReportService.Scope;
import org.workrelief.report.ReportWorkbook;

/** 统计报表 (choose, preview, download the XLSX) and a project's 进度月报 (the monthly progress figures). */
@Controller
class ReportController {

    private final ReportService reports;
    private final ReportWorkbook workbook;
    private final ProgressService progress;
    private final ProjectService projects;
    private final AccountService accounts;
    private final Clock clock;

    ReportController(ReportService reports, ReportWorkbook workbook, ProgressService progress, ProjectService projects,
            AccountService accounts, Clock clock) {
        this.reports = reports;
        this.workbook = workbook;
        this.progress = progress;
        this.projects = projects;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The choice (scope, month, month or year to date) and, once chosen, the report's preview. */
    @GetMapping("/reports")
    String reports(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) Scope scope,
            @RequestParam(required = false) Long projectId, @RequestParam(required = false) Long townId,
            @RequestParam(required = false) String month, @RequestParam(defaultValue = "false") boolean ytd, Model model) {
        Scope chosen = scope == null ? (me.isCountyLevel() ? Scope.COUNTY : Scope.TOWN) : scope;
        model.addAttribute("scopes", me.isCountyLevel() ? Scope.values() : new Scope[] { Scope.PROJECT, Scope.TOWN });
        model.addAttribute("projects", projects.visibleTo(me, Sort.by("code")));
        model.addAttribute("towns", accounts.townsVisibleTo(me));
        model.addAttribute("scope", chosen);
        model.addAttribute("projectId", projectId);
        model.addAttribute("townId", townId == null ? me.townId() : townId);
        model.addAttribute("month", month == null ? YearMonth.now(clock).toString() : month);
        model.addAttribute("ytd", ytd);
        if (month != null) {
            Report report = reports.report(me, chosen, idOf(me, chosen, projectId, townId), period(month, ytd));
            model.addAttribute("report", report);
        }
        return "report/index";
    }

    @GetMapping("/reports/statistics.xlsx")
    void download(@AuthenticationPrincipal SignedInUser me, @RequestParam Scope scope,
            @RequestParam(required = false) Long projectId, @RequestParam(required = false) Long townId,
            @RequestParam String month, @RequestParam(defaultValue = "false") boolean ytd, HttpServletResponse response)
            throws IOException {
        Report report = reports.report(me, scope, idOf(me, scope, projectId, townId), period(month, ytd));
        String unit = report.unit() == null ? "全县" : report.unit().replace(' ', '-');
        Downloads.attachment(response, Downloads.XLSX, "以工代赈统计报表-" + unit + "-" + report.period().fileLabel() + ".xlsx");
        workbook.write(report, LocalDate.now(clock), response.getOutputStream());
    }

    @GetMapping("/projects/{projectId}/progress")
    String progress(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, Model model) {
        model.addAttribute("progressForm", ProgressForm.blank(YearMonth.now(clock).toString()));
        return progressPage(me, projectId, model);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF', 'FINANCE')")
    @PostMapping("/projects/{projectId}/progress")
    String record(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @Valid @ModelAttribute ProgressForm progressForm, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors() || !FormErrors.attempt(binding, () -> progress.record(me, projectId, progressForm))) {
            return progressPage(me, projectId, model);
        }
        Flash.success(redirect, "report.progress.saved");
        return "redirect:/projects/" + projectId + "/progress";
    }

    private String progressPage(SignedInUser me, long projectId, Model model) {
        Project project = projects.get(me, projectId);
        model.addAttribute("project", project);
        model.addAttribute("rows", progress.of(me, projectId));
        return "report/progress";
    }

    private static Long idOf(SignedInUser me, Scope scope, Long projectId, Long townId) {
        return switch (scope) {
            case PROJECT -> projectId;
            case TOWN -> townId == null ? me.townId() : townId;
            case COUNTY -> null;
        };
    }

    private static Period period(String month, boolean ytd) {
        try {
            return new Period(YearMonth.parse(month.trim()), ytd);
        }
        catch (java.time.format.DateTimeParseException e) {
            throw new BusinessRuleException("report.progress.month.format");
        }
    }
}
