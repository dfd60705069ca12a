package org.workrelief.attendance.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workrelief.account.SignedInUser;
import org.workrelief.attendance.AttendanceQueries;
import org.workrelief.attendance.AttendanceQueries.WorkerDay;
import org.workrelief.worker.RosterMember;
import org.workrelief.attendance.PunchRefusedException;
import org.workrelief.attendance.PunchRequest;
import org.workrelief.attendance.PunchResult;
import org.workrelief.attendance.PunchService;
import org.workrelief.attendance.PunchSource;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.team.TeamService;
import org.workrelief.team.WorkTeam;
import org.workrelief.worker.Enrollment;
import org.workrelief.worker.EnrollmentService;

/**
 * 点名签到: a team leader on a phone picks the team and signs each member in with one tap; the row
 * updates in place (htmx) and says why when a sign-in is refused. The time is the server's now.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
class RollCallController {

    private final ProjectService projects;
    private final TeamService teams;
    private final EnrollmentService enrollments;
    private final AttendanceQueries queries;
    private final PunchService punches;

    RollCallController(ProjectService projects, TeamService teams, EnrollmentService enrollments,
            AttendanceQueries queries, PunchService punches) {
        this.projects = projects;
        this.teams = teams;
        this.enrollments = enrollments;
        this.queries = queries;
        this.punches = punches;
    }

    @GetMapping("/projects/{projectId}/rollcall")
    String page(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) Long teamId, Model model) {
        Project project = projects.get(me, projectId);
        List<WorkTeam> projectTeams = teams.teamsOf(me, projectId);
        model.addAttribute("project", project);
        model.addAttribute("teams", projectTeams);
        model.addAttribute("today", queries.today());
        if (teamId != null) {
            WorkTeam team = teams.get(me, teamId);
            if (!team.getProjectId().equals(projectId)) {
                throw new org.workrelief.common.NotFoundException("WorkTeam", teamId);
            }
            Map<Long, WorkerDay> today = todayOf(me, projectId);
            List<Enrollment> active = enrollments.activeMembers(me, projectId, teamId);
            List<WorkerDay> members = active.stream().map(e -> today.getOrDefault(e.getWorker().getId(), new WorkerDay(RosterMember.of(e), null, null))).toList();
            model.addAttribute("insuranceEnds", insuranceEnding(active));
            model.addAttribute("team", team);
            model.addAttribute("members", members);
            model.addAttribute("missing", members.stream().filter(m -> m.am() == null || m.pm() == null).count());
        }
        return "attendance/rollcall";
    }

    @PostMapping("/projects/{projectId}/rollcall")
    String signIn(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, @RequestParam long workerId,
            Model model) {
        projects.get(me, projectId);
        Enrollment enrollment = enrollments.onProjectByWorkerId(projectId, workerId)
                .orElseThrow(() -> new org.workrelief.common.NotFoundException("Enrollment", workerId));
        try {
            PunchResult result = punches.punch(PunchRequest.byWorkerId(projectId, workerId,
                    java.time.Instant.now(queries.clock()), PunchSource.ROLL_CALL, me.getUsername()));
            model.addAttribute("outcome", result.created() ? "punch.created" : "punch.already");
        }
        catch (PunchRefusedException refused) {
            model.addAttribute("refusal", refused.getMessageKey());
        }
        Map<Long, WorkerDay> today = todayOf(me, projectId);
        model.addAttribute("project", projects.get(me, projectId));
        model.addAttribute("member", today.getOrDefault(workerId, new WorkerDay(RosterMember.of(enrollment), null, null)));
        model.addAttribute("insuranceEnds", insuranceEnding(List.of(enrollment)));
        model.addAttribute("today", queries.today());
        return "attendance/rollcall :: member";
    }

    /** Members whose accident insurance ends within the week (a badge on their row), by worker id. */
    private Map<Long, java.time.LocalDate> insuranceEnding(List<Enrollment> members) {
        java.time.LocalDate today = queries.today();
        Map<Long, java.time.LocalDate> ends = new java.util.HashMap<>();
        members.stream().filter(e -> e.isActive() && e.insuranceExpiringOn(today))
                .forEach(e -> ends.put(e.getWorker().getId(), e.getInsuranceTo()));
        return ends;
    }

    private Map<Long, WorkerDay> todayOf(SignedInUser me, long projectId) {
        Map<Long, WorkerDay> byWorker = new java.util.HashMap<>();
        queries.dailySheet(me, projectId, queries.today()).teams()
                .forEach(t -> t.workers().forEach(w -> byWorker.put(w.member().workerId(), w)));
        return byWorker;
    }
}
