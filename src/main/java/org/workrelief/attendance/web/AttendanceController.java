package org.workrelief.attendance.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.workrelief.account.SignedInUser;
import org.workrelief.attendance.AttendanceImportService;
import org.workrelief.attendance.AttendanceQueries;
import org.workrelief.attendance.AttendanceQueries.DailySheet;
import org.workrelief.attendance.AttendanceQueries.LedgerRow;
import org.workrelief.common.audit.AuditChainHeads;
import org.workrelief.attendance.DayStatus;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.common.web.Downloads;
import org.workrelief.common.web.FileImports;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.worker.WorkerService;

/** 考勤: a project's daily sheet, a worker's month, the monthly attendance ledger and the terminal-export import. */
@Controller
class AttendanceController {

    private final ProjectService projects;
    private final AttendanceQueries queries;
    private final AttendanceImportService importer;
    private final WorkerService workers;
    private final Clock clock;
    private final AuditChainHeads auditChains;

    AttendanceController(ProjectService projects, AttendanceQueries queries, AttendanceImportService importer,
            WorkerService workers, Clock clock, AuditChainHeads auditChains) {
        this.auditChains = auditChains;
        this.projects = projects;
        this.queries = queries;
        this.importer = importer;
        this.workers = workers;
        this.clock = clock;
    }

    @GetMapping("/projects/{projectId}/attendance")
    String dailySheet(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        LocalDate day = date == null ? queries.today() : date;
        model.addAttribute("project", projects.get(me, projectId));
        DailySheet sheet = queries.dailySheet(me, projectId, day);
        model.addAttribute("sheet", sheet);
        model.addAttribute("lines", SheetLines.of(sheet, clock.getZone()));
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        return "attendance/sheet";
    }

    @GetMapping("/projects/{projectId}/attendance/workers/{workerId}")
    String workerMonth(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, @PathVariable long workerId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        YearMonth shown = month == null ? YearMonth.from(queries.today()) : month;
        model.addAttribute("project", projects.get(me, projectId));
        model.addAttribute("worker", workers.get(me, workerId));
        model.addAttribute("month", shown);
        model.addAttribute("days", queries.workerMonth(me, projectId, workerId, shown));
        return "attendance/worker-month";
    }

    @GetMapping("/projects/{projectId}/attendance/ledger.xlsx")
    void ledger(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            HttpServletResponse response) throws IOException {
        YearMonth shown = month == null ? YearMonth.from(queries.today()) : month;
        Project project = projects.get(me, projectId);
        List<LedgerRow> rows = queries.ledger(me, projectId, shown);
        List<String> headers = new ArrayList<>(List.of("工号", "姓名", "身份证号", "班组"));
        for (int d = 1; d <= shown.lengthOfMonth(); d++) {
            headers.add(String.valueOf(d));
        }
        headers.add("出勤天数");
        List<List<String>> lines = new ArrayList<>();
        for (LedgerRow row : rows) {
            List<String> line = new ArrayList<>(List.of(row.member().workerCode(), row.member().name(),
                    row.member().idNumberMasked(), row.teamName()));
            row.days().values().forEach(status -> line.add(status == DayStatus.ABSENT ? "" : status.days().toPlainString()));
            line.add(row.total().stripTrailingZeros().toPlainString());
            lines.add(line);
        }
        lines.add(List.of());
        lines.add(List.of(auditChains.ledgerLine(projectId, shown.atEndOfMonth())));
        Downloads.attachment(response, Downloads.XLSX, project.getCode() + "-考勤台账-" + shown + ".xlsx");
        SheetWriter.xlsx("考勤台账 " + shown, headers, lines, response.getOutputStream());
    }

    @GetMapping("/projects/{projectId}/attendance/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String importForm(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, Model model) {
        model.addAttribute("project", projects.get(me, projectId));
        return "attendance/import";
    }

    @PostMapping("/projects/{projectId}/attendance/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String importFile(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("project", projects.get(me, projectId));
        FileImports.run(file, model, (name, content) -> importer.importFile(me, projectId, name, content));
        return "attendance/import";
    }
}
