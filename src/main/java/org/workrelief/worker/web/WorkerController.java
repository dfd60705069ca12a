package org.workrelief.worker.web;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.common.web.PublicLinks;
import org.workrelief.account.AccountService;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.web.Flash;
import org.workrelief.common.web.FormErrors;
import org.workrelief.common.web.PageRequests;
import org.workrelief.project.ProjectService;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.HouseholdStatus;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerCards;
import org.workrelief.worker.WorkerForm;
import org.workrelief.worker.WorkerPins;
import org.workrelief.worker.WorkerService;

/** 务工群众: search, register, view, edit a worker, and print their card. */
@Controller
@RequestMapping("/workers")
class WorkerController {

    /** The flash attribute that carries an ID number from a search to the registration form. */
    static final String SEARCHED_ID = "searchedIdNumber";

    private final WorkerService workers;
    private final EnrollmentService enrollments;
    private final ProjectService projects;
    private final AccountService accounts;
    private final WorkerCards cards;
    private final WorkerPins pins;

    private final PublicLinks links;

    WorkerController(WorkerService workers, EnrollmentService enrollments, ProjectService projects,
            AccountService accounts, WorkerCards cards, WorkerPins pins, PublicLinks links) {
        this.pins = pins;
        this.links = links;
        this.workers = workers;
        this.enrollments = enrollments;
        this.projects = projects;
        this.accounts = accounts;
        this.cards = cards;
    }

    /** {@code idh}: the keyed hash of an ID number searched for (see {@link #search}). */
    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String idh, @RequestParam(defaultValue = "0") int page, Model model) {
        var pageable = PageRequests.of(page, PageRequests.DEFAULT_SIZE, Sort.by("name", "id"));
        boolean byId = idh != null && !idh.isBlank();
        model.addAttribute("workers", byId ? workers.searchByIdHash(me, idh, pageable) : workers.search(me, q, pageable));
        model.addAttribute("q", byId ? "" : q);
        model.addAttribute("idh", byId ? idh : null);
        return "worker/list";
    }

    /** The search box posts here, so that a typed ID number never appears in a link, only its keyed hash. */
    @PostMapping
    String search(@RequestParam(defaultValue = "") String q, RedirectAttributes redirect) {
        workers.idSearchKey(q).ifPresentOrElse(hash -> {
            redirect.addAttribute("idh", hash);
            // for the next page only: if no one has it, registration can start from it
            redirect.addFlashAttribute(SEARCHED_ID, typedIdNumber(q));
        }, () -> redirect.addAttribute("q", q.trim()));
        return "redirect:/workers";
    }

    /**
     * 查无此人 → 登记: the ID number typed in a search that found no one starts the registration form.
     * It travels in the session's flash (posted, then one redirect), never in a link.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/new/from-search")
    String registerFromSearch(@RequestParam(defaultValue = "") String idNumber,
            @RequestParam(required = false) Long projectId, RedirectAttributes redirect) {
        String typed = typedIdNumber(idNumber);
        if (!typed.isEmpty()) {
            redirect.addFlashAttribute(SEARCHED_ID, typed);
        }
        if (projectId != null) {
            redirect.addAttribute("projectId", projectId);
        }
        return "redirect:/workers/new";
    }

    /** What was typed as an ID number, without spaces; nothing when it cannot be one (it is only a start). */
    private static String typedIdNumber(String typed) {
        String number = typed == null ? "" : typed.replace(" ", "").trim().toUpperCase();
        return number.length() <= 18 && number.matches("[0-9X]*") ? number : "";
    }

    /** Registration; with {@code projectId} the clerk continues to enroll the new worker on that project. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) Long projectId, Model model) {
        Long townId = projectId == null ? me.townId() : projects.get(me, projectId).getTownId();
        model.addAttribute("workerForm", WorkerForm.blank(townId, (String) model.getAttribute(SEARCHED_ID)));
        return showForm(me, model, null, projectId);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/new")
    String create(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) Long projectId,
            @Valid @ModelAttribute WorkerForm workerForm, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return showForm(me, model, null, projectId);
        }
        var registered = FormErrors.result(binding, () -> workers.register(me, workerForm),
                (errors, refused) -> rejectOnField(errors, workerForm, refused));
        if (registered.isEmpty()) {
            return showForm(me, model, null, projectId);
        }
        WorkerService.Registration registration = registered.get();
        Flash.success(redirect, "worker.registered");
        if (registration.aboveAgeWarning()) {
            redirect.addFlashAttribute("warning", "worker.age.warning");
            redirect.addFlashAttribute("warningArg", registration.age());
        }
        warnOfSharedPhone(redirect, registration.sharedPhone());
        long id = registration.worker().getId();
        return projectId == null ? "redirect:/workers/" + id
                : "redirect:/projects/" + projectId + "/enrollments/new?workerId=" + id;
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        Worker worker = workers.get(me, id);
        model.addAttribute("worker", worker);
        model.addAttribute("age", worker.ageOn(enrollments.today()));
        model.addAttribute("enrollments", enrollments.enrollmentsOf(me, id));
        model.addAttribute("pin", pins.statusOf(me, id));
        return "worker/show";
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        model.addAttribute("workerForm", workers.formOf(me, id));
        return showForm(me, model, workers.get(me, id), null);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping("/{id}/edit")
    String update(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @Valid @ModelAttribute WorkerForm workerForm, BindingResult binding, Model model, RedirectAttributes redirect) {
        Worker worker = workers.get(me, id);
        if (binding.hasErrors()) {
            return showForm(me, model, worker, null);
        }
        var updated = FormErrors.result(binding, () -> workers.update(me, id, workerForm),
                (errors, refused) -> rejectOnField(errors, workerForm, refused));
        if (updated.isEmpty()) {
            return showForm(me, model, worker, null);
        }
        WorkerService.Edited edited = updated.get();
        Flash.success(redirect, "worker.updated");
        warnOfSharedPhone(redirect, edited.sharedPhone());
        return "redirect:/workers/" + id;
    }

    @GetMapping("/{id}/card")
    String card(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        Worker worker = workers.get(me, id);
        model.addAttribute("worker", worker);
        model.addAttribute("town", accounts.getTown(me, worker.getTownId()));
        model.addAttribute("qr", cards.qrSvg(worker.getWorkerCode()));
        // 本人查询: the worker scans this with their own phone and finds their code filled in
        model.addAttribute("selfQr", cards.qrSvg(links.withQuery("self", "code", worker.getWorkerCode())));
        return "worker/card";
    }

    /** Saved, but the phone number is another worker's of the town too: the next page says whose (a second warning banner). */
    private static void warnOfSharedPhone(RedirectAttributes redirect, WorkerService.SharedPhone sharedPhone) {
        if (sharedPhone.shared()) {
            redirect.addFlashAttribute("caution", "worker.phone.shared");
            redirect.addFlashAttribute("cautionArgs", sharedPhone.messageArgs());
        }
    }

    /** A refused ID or card number is said next to its field (as the page's own check does while typing). */
    private static void rejectOnField(BindingResult binding, WorkerForm form, BusinessRuleException refused) {
        String key = refused.getMessageKey();
        if (key.startsWith("worker.idNumber.")) {
            binding.addError(new FieldError(binding.getObjectName(), "idNumber", form.idNumber(), false,
                    new String[] { key }, refused.getArgs(), key));
        }
        else if (key.startsWith("worker.bankCard.")) {
            binding.addError(new FieldError(binding.getObjectName(), "bankCard", form.bankCard(), false,
                    new String[] { key }, refused.getArgs(), key));
        }
        else {
            FormErrors.reject(binding, refused);
        }
    }

    private String showForm(SignedInUser me, Model model, Worker worker, Long projectId) {
        model.addAttribute("worker", worker);
        model.addAttribute("projectId", projectId);
        model.addAttribute("towns", accounts.townsVisibleTo(me));
        model.addAttribute("householdStatuses", HouseholdStatus.values());
        model.addAttribute("accountKinds", org.workrelief.worker.AccountKind.values());
        return "worker/form";
    }
}
