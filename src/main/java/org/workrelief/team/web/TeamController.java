package org.workrelief.team.web;

import java.math.BigDecimal;

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
import org.workrelief.team.SkillType;
import org.workrelief.team.TeamForm;
import org.workrelief.team.TeamPreset;
import org.workrelief.team.TeamService;
import org.workrelief.team.WorkTeam;

/** 班组: add and edit a project's teams, or add one of the usual teams with one click. */
@Controller
class TeamController {

    private final TeamService teams;
    private final ProjectService projects;

    TeamController(TeamService teams, ProjectService projects) {
        this.teams = teams;
        this.projects = projects;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @GetMapping("/projects/{projectId}/teams/new")
    String newForm(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, Model model) {
        model.addAttribute("teamForm", TeamForm.blank());
        return showForm(me, model, projectId, null);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/projects/{projectId}/teams/new")
    String create(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @Valid @ModelAttribute TeamForm teamForm, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors() || !FormErrors.attempt(binding, () -> teams.create(me, projectId, teamForm))) {
            return showForm(me, model, projectId, null);
        }
        Flash.success(redirect, "team.created");
        return "redirect:/projects/" + projectId;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/projects/{projectId}/teams/preset")
    String createPreset(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam TeamPreset preset, @RequestParam(required = false) BigDecimal dayRate,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "team.created", () -> {
            if (dayRate == null) {
                throw new BusinessRuleException("team.dayRate.required");
            }
            teams.createPreset(me, projectId, preset, dayRate);
        });
        return "redirect:/projects/" + projectId;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @GetMapping("/teams/{id}/edit")
    String edit(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        WorkTeam team = teams.get(me, id);
        model.addAttribute("teamForm", new TeamForm(team.getName(), team.getSkillType(), team.getDayRate(),
                team.getNotes(), team.getVersion()));
        return showForm(me, model, team.getProjectId(), id);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/teams/{id}/edit")
    String update(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @Valid @ModelAttribute TeamForm teamForm, BindingResult binding, Model model, RedirectAttributes redirect) {
        WorkTeam team = teams.get(me, id);
        if (binding.hasErrors() || !FormErrors.attempt(binding, () -> teams.update(me, id, teamForm))) {
            return showForm(me, model, team.getProjectId(), id);
        }
        Flash.success(redirect, "team.updated");
        return "redirect:/projects/" + team.getProjectId();
    }

    private String showForm(SignedInUser me, Model model, long projectId, Long teamId) {
        model.addAttribute("project", projects.get(me, projectId));
        model.addAttribute("teamId", teamId);
        model.addAttribute("skillTypes", SkillType.values());
        model.addAttribute("maxDayRate", teams.maxDayRate());
        return "team/form";
    }
}
