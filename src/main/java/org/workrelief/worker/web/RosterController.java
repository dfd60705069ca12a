package org.workrelief.worker.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Sort;
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
import org.workrelief.common.web.Downloads;
import org.workrelief.common.web.FileImports;
import org.workrelief.common.web.PageRequests;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.team.TeamPreset;
import org.workrelief.team.TeamService;
import org.workrelief.team.WorkTeam;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.EnrollmentService.RosterFilter;
import org.workrelief.worker.EnrollmentStatus;
import org.workrelief.worker.RosterFiles;
import org.workrelief.worker.RosterImportService;
import org.workrelief.worker.WorkerService;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 花名册: a project's roster with search and filters, its import and export, and the project page's registry panel. */
@Controller
class RosterController {

    private static final Map<String, Sort> SORTS = Map.of(
            "name", Sort.by("worker.name", "id"),
            "code", Sort.by("worker.workerCode"),
            "team", Sort.by("teamId", "id"),
            "enrolled", Sort.by(Sort.Direction.DESC, "enrolledOn", "id"),
            "insurance", Sort.by("insuranceTo", "id"));

    /** The project page names the workers whose insurance ends first; the roster's filter has them all. */
    static final int EXPIRING_LISTED = 10;

    private final EnrollmentService enrollments;
    private final ProjectService projects;
    private final TeamService teams;
    private final RosterFiles files;
    private final RosterImportService importer;
    private final WorkerService workers;

    RosterController(EnrollmentService enrollments, ProjectService projects, TeamService teams, RosterFiles files,
            RosterImportService importer, WorkerService workers) {
        this.workers = workers;
        this.enrollments = enrollments;
        this.projects = projects;
        this.teams = teams;
        this.files = files;
        this.importer = importer;
    }

    /** The project page's panel: teams with head-counts, head-count by recruitment source, roster links. */
    @GetMapping("/projects/{projectId}/registry-panel")
    String panel(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, Model model) {
        Project project = projects.get(me, projectId);
        model.addAttribute("project", project);
        List<WorkTeam> projectTeams = teams.teamsOf(me, projectId);
        // every leader's name in one query, not one per team
        Map<Long, String> names = workers.namesOf(me, projectTeams.stream().map(WorkTeam::getLeaderWorkerId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Map<Long, String> leaders = new java.util.HashMap<>();
        projectTeams.stream().filter(t -> t.getLeaderWorkerId() != null)
                .forEach(t -> leaders.put(t.getId(), names.get(t.getLeaderWorkerId())));
        model.addAttribute("teams", projectTeams);
        model.addAttribute("leaders", leaders);
        model.addAttribute("byTeam", enrollments.headCountByTeam(me, projectId));
        Map<?, Long> bySource = enrollments.headCountBySource(me, projectId);
        model.addAttribute("bySource", bySource);
        model.addAttribute("enrolled", bySource.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("presets", TeamPreset.values());
        model.addAttribute("expiring", enrollments.expiringInsuranceOf(me, projectId, EXPIRING_LISTED));
        model.addAttribute("today", enrollments.today());
        return "roster/panel :: panel";
    }

    @GetMapping("/projects/{projectId}/roster")
    String roster(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) EnrollmentStatus status,
            @RequestParam(defaultValue = "false") boolean expiring, @RequestParam(defaultValue = "false") boolean noContract,
            @RequestParam(defaultValue = "name") String sort, @RequestParam(required = false) String idh,
            @RequestParam(required = false) String group,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Project project = projects.get(me, projectId);
        boolean byId = idh != null && !idh.isBlank();
        RosterFilter filter = new RosterFilter(byId ? "" : q, teamId, status, expiring, noContract, byId ? idh : null,
                group == null || group.isBlank() ? null : group);
        String sortKey = SORTS.containsKey(sort) ? sort : "name";
        model.addAttribute("project", project);
        model.addAttribute("roster", enrollments.roster(me, projectId, filter,
                PageRequests.of(page, PageRequests.DEFAULT_SIZE, SORTS.get(sortKey))));
        model.addAttribute("teams", teams.teamsOf(me, projectId));
        model.addAttribute("teamNames", teamNames(me, projectId));
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sortKey);
        model.addAttribute("sorts", Set.copyOf(SORTS.keySet()));
        model.addAttribute("statuses", EnrollmentStatus.values());
        model.addAttribute("today", enrollments.today());
        return "roster/list";
    }

    /** The filter form posts here: a typed ID number travels on only as its keyed hash. */
    @PostMapping("/projects/{projectId}/roster")
    String filter(@PathVariable long projectId, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) EnrollmentStatus status,
            @RequestParam(defaultValue = "false") boolean expiring, @RequestParam(defaultValue = "false") boolean noContract,
            @RequestParam(defaultValue = "name") String sort, @RequestParam(required = false) String group,
            RedirectAttributes redirect) {
        if (group != null && !group.isBlank()) {
            redirect.addAttribute("group", group);
        }
        workers.idSearchKey(q).ifPresentOrElse(hash -> redirect.addAttribute("idh", hash),
                () -> redirect.addAttribute("q", q.trim()));
        if (teamId != null) {
            redirect.addAttribute("teamId", teamId);
        }
        if (status != null) {
            redirect.addAttribute("status", status);
        }
        redirect.addAttribute("expiring", expiring).addAttribute("noContract", noContract).addAttribute("sort", sort);
        return "redirect:/projects/" + projectId + "/roster";
    }

    @GetMapping("/projects/{projectId}/roster.xlsx")
    void export(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, HttpServletResponse response)
            throws IOException {
        Project project = projects.get(me, projectId);
        Downloads.attachment(response, Downloads.XLSX, project.getCode() + "-花名册.xlsx");
        files.exportXlsx(me, projectId, response.getOutputStream());
    }

    @GetMapping("/roster/template.xlsx")
    void templateXlsx(HttpServletResponse response) throws IOException {
        Downloads.attachment(response, Downloads.XLSX, "花名册导入模板.xlsx");
        files.templateXlsx(response.getOutputStream());
    }

    @GetMapping("/roster/template.csv")
    void templateCsv(HttpServletResponse response) throws IOException {
        Downloads.attachment(response, Downloads.CSV, "花名册导入模板.csv");
        files.templateCsv(response.getOutputStream());
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @GetMapping("/projects/{projectId}/roster/import")
    String importForm(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, Model model) {
        model.addAttribute("project", projects.get(me, projectId));
        return "roster/import";
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/projects/{projectId}/roster/import")
    String importRoster(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("project", projects.get(me, projectId));
        FileImports.run(file, model, (name, content) -> importer.importRoster(me, projectId, name, content));
        return "roster/import";
    }

    private Map<Long, String> teamNames(SignedInUser me, long projectId) {
        Map<Long, String> names = new java.util.HashMap<>();
        for (WorkTeam team : teams.teamsOf(me, projectId)) {
            names.put(team.getId(), team.getName());
        }
        return names;
    }
}
