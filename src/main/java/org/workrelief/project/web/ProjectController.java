package org.workrelief.project.web;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.AccountService;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.Flash;
import org.workrelief.common.web.FormErrors;
import org.workrelief.common.web.PageRequests;
import org.workrelief.project.ContractingMode;
import org.workrelief.project.EntityKind;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectForm;
import org.workrelief.project.ProjectService;
import org.workrelief.project.ProjectStatus;

/** 项目: list, create, edit, view and move projects of the user's town. */
@Controller
@RequestMapping("/projects")
class ProjectController {

    private final ProjectService projects;
    private final AccountService accounts;

    ProjectController(ProjectService projects, AccountService accounts) {
        this.projects = projects;
        this.accounts = accounts;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) ProjectStatus status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("projects", projects.search(me, q, status,
                PageRequests.of(page, PageRequests.DEFAULT_SIZE, Sort.by(Sort.Direction.DESC, "id"))));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ProjectStatus.values());
        return "project/list";
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("projectForm", ProjectForm.blank(me.townId()));
        return showForm(me, model, null);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/new")
    String create(@AuthenticationPrincipal SignedInUser me, @Valid @ModelAttribute ProjectForm projectForm,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return showForm(me, model, null);
        }
        return FormErrors.result(binding, () -> projects.create(me, projectForm)).map(project -> {
            Flash.success(redirect, "project.created");
            return "redirect:/projects/" + project.getId();
        }).orElseGet(() -> showForm(me, model, null));
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        Project project = projects.get(me, id);
        model.addAttribute("project", project);
        model.addAttribute("town", accounts.getTown(me, project.getTownId()));
        model.addAttribute("nextStatus", project.getStatus().next());
        model.addAttribute("labourShare", projects.labourShare(project));
        return "project/show";
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        model.addAttribute("projectForm", projects.formOf(me, id));
        return showForm(me, model, id);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/{id}/edit")
    String update(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @Valid @ModelAttribute ProjectForm projectForm, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        projects.get(me, id);
        if (binding.hasErrors() || !FormErrors.attempt(binding, () -> projects.update(me, id, projectForm))) {
            return showForm(me, model, id);
        }
        Flash.success(redirect, "project.updated");
        return "redirect:/projects/" + id;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/{id}/status")
    String advance(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam ProjectStatus target, @RequestParam(required = false) String explanation,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "project.status.changed", () -> projects.advance(me, id, target, explanation));
        return "redirect:/projects/" + id;
    }

    /** 劳务报酬占比默认值: each town's default approved share, set by the county (blank: the county's figure). */
    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/labour-share-settings")
    String shareSettings(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("townShares", projects.townShares(me));
        model.addAttribute("countyShare", projects.shareThresholdPercent());
        model.addAttribute("mayEdit", me.isCountyLevel());
        return "project/share-settings";
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/labour-share-settings/{townId}")
    String setShare(@AuthenticationPrincipal SignedInUser me, @PathVariable long townId,
            @RequestParam(required = false) java.math.BigDecimal percent, RedirectAttributes redirect) {
        Flash.attempt(redirect, "project.share.townSetting.saved", () -> projects.setTownShare(me, townId, percent));
        return "redirect:/projects/labour-share-settings";
    }

    private String showForm(SignedInUser me, Model model, Long id) {
        model.addAttribute("projectId", id);
        model.addAttribute("towns", accounts.townsVisibleTo(me));
        model.addAttribute("entityKinds", EntityKind.values());
        model.addAttribute("contractingModes", ContractingMode.values());
        model.addAttribute("fundBatchKinds", org.workrelief.project.FundBatchKind.values());
        // a form that could not be bound (wrong types) is not in the model: the user's town then
        Long townId = model.getAttribute("projectForm") instanceof ProjectForm form && form.townId() != null
                ? form.townId() : me.townId();
        model.addAttribute("defaultShare", projects.defaultSharePercent(townId));
        return "project/form";
    }
}
