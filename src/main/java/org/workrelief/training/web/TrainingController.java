package org.workrelief.training.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.FileImports;
import org.workrelief.common.web.Flash;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.training.Attendee;
import org.workrelief.training.TrainingForm;
import org.workrelief.training.TrainingKind;
import org.workrelief.training.TrainingService;
import org.workrelief.training.TrainingSession;
import org.workrelief.worker.Enrollment;
import org.workrelief.worker.EnrollmentService;

/** 技能培训: a project's sessions against the plan, one session's attendees (picked or imported). */
@Controller
class TrainingController {

    private final TrainingService training;
    private final ProjectService projects;
    private final EnrollmentService enrollments;

    TrainingController(TrainingService training, ProjectService projects, EnrollmentService enrollments) {
        this.training = training;
        this.projects = projects;
        this.enrollments = enrollments;
    }

    @GetMapping("/projects/{projectId}/training")
    String list(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, Model model) {
        Project project = projects.get(me, projectId);
        model.addAttribute("project", project);
        model.addAttribute("sessions", training.sessions(me, projectId));
        model.addAttribute("trained", training.trainedPeople(projectId));
        model.addAttribute("kinds", TrainingKind.values());
        return "training/list";
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/projects/{projectId}/training")
    String create(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) String title, @RequestParam(required = false) TrainingKind kind,
            @RequestParam(required = false) String trainer,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(required = false) BigDecimal hours, @RequestParam(required = false) String place,
            RedirectAttributes redirect) {
        return Flash.result(redirect, "training.created",
                () -> training.create(me, projectId, new TrainingForm(title, kind, trainer, heldOn, hours, place)))
                .map(session -> "redirect:/training/" + session.id())
                .orElse("redirect:/projects/" + projectId + "/training");
    }

    @GetMapping("/training/{sessionId}")
    String show(@AuthenticationPrincipal SignedInUser me, @PathVariable long sessionId, Model model) {
        return page(me, sessionId, model);
    }

    private String page(SignedInUser me, long sessionId, Model model) {
        TrainingSession session = training.session(me, sessionId);
        List<Attendee> attendees = training.attendees(me, sessionId);
        Set<Long> attending = attendees.stream().map(Attendee::workerId).collect(Collectors.toSet());
        model.addAttribute("course", session); // "session" is Thymeleaf's HTTP session
        model.addAttribute("project", projects.get(me, session.projectId()));
        model.addAttribute("attendees", attendees);
        model.addAttribute("candidates", enrollments.wholeRoster(me, session.projectId()).stream()
                .map(Enrollment::getWorker).filter(w -> !attending.contains(w.getId())).distinct().toList());
        return "training/session";
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/training/{sessionId}/attendees")
    String add(@AuthenticationPrincipal SignedInUser me, @PathVariable long sessionId,
            @RequestParam(name = "workerIds", required = false) List<Long> workerIds, RedirectAttributes redirect) {
        Flash.result(redirect, null, () -> training.addAttendees(me, sessionId, workerIds))
                .ifPresent(added -> Flash.success(redirect, "training.attendees.added", added));
        return "redirect:/training/" + sessionId;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/training/{sessionId}/attendees/{attendeeId}/remove")
    String remove(@AuthenticationPrincipal SignedInUser me, @PathVariable long sessionId, @PathVariable long attendeeId,
            RedirectAttributes redirect) {
        training.removeAttendee(me, sessionId, attendeeId);
        Flash.success(redirect, "training.attendee.removed");
        return "redirect:/training/" + sessionId;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/training/{sessionId}/import")
    String importFile(@AuthenticationPrincipal SignedInUser me, @PathVariable long sessionId,
            @RequestParam("file") MultipartFile file, Model model) throws IOException {
        FileImports.run(file, model, (name, content) -> training.importAttendees(me, sessionId, name, content));
        return page(me, sessionId, model);
    }
}
