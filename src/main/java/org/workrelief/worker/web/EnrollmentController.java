package org.workrelief.worker.web;

import java.time.LocalDate;

import jakarta.validation.Valid;

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
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.web.Flash;
import org.workrelief.common.web.FormErrors;
import org.workrelief.project.ProjectService;
import org.workrelief.team.TeamService;
import org.workrelief.worker.Enrollment;
import org.workrelief.worker.EnrollmentForm;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.RecruitmentSource;
import org.workrelief.worker.WorkerService;

/** 务工登记: enroll a worker (found by ID number, or registered first), edit contract and insurance, leave. */
@Controller
class EnrollmentController {

    private final EnrollmentService enrollments;
    private final WorkerService workers;
    private final ProjectService projects;
    private final TeamService teams;

    EnrollmentController(EnrollmentService enrollments, WorkerService workers, ProjectService projects,
            TeamService teams) {
        this.enrollments = enrollments;
        this.workers = workers;
        this.projects = projects;
        this.teams = teams;
    }

    /** Step one: who? An ID number already registered goes straight to enrollment, else to registration. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @GetMapping("/projects/{projectId}/enrollments/find")
    String findForm(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, Model model) {
        model.addAttribute("project", projects.get(me, projectId));
        return "enrollment/find";
    }

    /** Posted, so the ID number never stands in a link. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/projects/{projectId}/enrollments/find")
    String find(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) String idNumber, Model model) {
        model.addAttribute("project", projects.get(me, projectId));
        if (idNumber == null || idNumber.isBlank()) {
            return "enrollment/find";
        }
        return workers.findByIdNumber(me, idNumber)
                .map(worker -> "redirect:/projects/" + projectId + "/enrollments/new?workerId=" + worker.getId())
                .orElseGet(() -> {
                    model.addAttribute("notFound", true);
                    return "enrollment/find";
                });
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @GetMapping("/projects/{projectId}/enrollments/new")
    String newForm(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, @RequestParam long workerId,
            Model model) {
        model.addAttribute("enrollmentForm", EnrollmentForm.blank(enrollments.today()));
        return showForm(me, model, projectId, workerId, null);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/projects/{projectId}/enrollments/new")
    String create(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, @RequestParam long workerId,
            @Valid @ModelAttribute EnrollmentForm enrollmentForm, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()
                || !FormErrors.attempt(binding, () -> enrollments.enroll(me, projectId, workerId, enrollmentForm))) {
            return showForm(me, model, projectId, workerId, null);
        }
        Flash.success(redirect, "enrollment.created");
        return "redirect:/projects/" + projectId + "/roster";
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @GetMapping("/enrollments/{id}/edit")
    String edit(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        Enrollment enrollment = enrollments.get(me, id);
        model.addAttribute("enrollmentForm", enrollments.formOf(me, id));
        return showForm(me, model, enrollment.getProjectId(), enrollment.getWorker().getId(), enrollment);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/enrollments/{id}/edit")
    String update(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @Valid @ModelAttribute EnrollmentForm enrollmentForm, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Enrollment enrollment = enrollments.get(me, id);
        if (binding.hasErrors() || !FormErrors.attempt(binding, () -> enrollments.update(me, id, enrollmentForm))) {
            return showForm(me, model, enrollment.getProjectId(), enrollment.getWorker().getId(), enrollment);
        }
        Flash.success(redirect, "enrollment.updated");
        return "redirect:/projects/" + enrollment.getProjectId() + "/roster";
    }

    /**
     * 离岗 from the roster row or the enrollment page (after the browser asked for confirmation): the
     * worker is off the roll call from {@code leftOn}. A refusal goes back where the clerk came from.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/enrollments/{id}/leave")
    String leave(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(required = false) String leftOn, @RequestParam(defaultValue = "roster") String from,
            RedirectAttributes redirect) {
        Enrollment enrollment = enrollments.get(me, id);
        String roster = "redirect:/projects/" + enrollment.getProjectId() + "/roster";
        return Flash.result(redirect, null, () -> {
            LocalDate day = parseDay(leftOn);
            enrollments.leave(me, id, day);
            return day;
        }).map(day -> {
            Flash.success(redirect, "enrollment.left.on", enrollment.getWorker().getName(), day);
            return roster;
        }).orElse("edit".equals(from) ? "redirect:/enrollments/" + id + "/edit" : roster);
    }

    private static LocalDate parseDay(String text) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleException("enrollment.leave.dateRequired");
        }
        try {
            return LocalDate.parse(text.trim());
        }
        catch (java.time.format.DateTimeParseException malformed) {
            throw new BusinessRuleException("enrollment.leave.dateRequired");
        }
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/teams/{teamId}/leader")
    String appointLeader(@AuthenticationPrincipal SignedInUser me, @PathVariable long teamId,
            @RequestParam long enrollmentId, RedirectAttributes redirect) {
        Enrollment enrollment = enrollments.get(me, enrollmentId);
        Flash.attempt(redirect, "team.leader.appointed", () -> enrollments.appointTeamLeader(me, teamId, enrollmentId));
        return "redirect:/projects/" + enrollment.getProjectId() + "/roster";
    }

    private String showForm(SignedInUser me, Model model, long projectId, long workerId, Enrollment enrollment) {
        model.addAttribute("project", projects.get(me, projectId));
        model.addAttribute("worker", workers.get(me, workerId));
        model.addAttribute("enrollment", enrollment);
        model.addAttribute("today", enrollments.today());
        model.addAttribute("teams", teams.teamsOf(me, projectId));
        model.addAttribute("sources", RecruitmentSource.values());
        return "enrollment/form";
    }
}
