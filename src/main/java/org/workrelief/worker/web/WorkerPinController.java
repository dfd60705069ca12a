package org.workrelief.worker.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.Flash;
import org.workrelief.common.web.FormErrors;
import org.workrelief.worker.PinForm;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerPins;
import org.workrelief.worker.WorkerService;

/**
 * 设置确认码: the page the clerk opens for a worker on the site device and hands over; the worker types
 * their PIN twice (and the current one, when one is set). What was typed is never sent back: a refused
 * form comes back empty, with the reason. 重置确认码: an administrator's, from the worker page.
 */
@Controller
@RequestMapping("/workers/{id}/pin")
class WorkerPinController {

    private final WorkerService workers;
    private final WorkerPins pins;

    WorkerPinController(WorkerService workers, WorkerPins pins) {
        this.workers = workers;
        this.pins = pins;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @GetMapping
    String form(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        return show(me, id, model);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @PostMapping
    String set(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(defaultValue = "") String currentPin, @RequestParam(defaultValue = "") String newPin,
            @RequestParam(defaultValue = "") String newPinAgain, Model model, RedirectAttributes redirect) {
        Worker worker = workers.get(me, id);
        if (!FormErrors.attempt(model, () -> pins.set(me, id, new PinForm(currentPin, newPin, newPinAgain)))) {
            return show(me, id, model);
        }
        Flash.success(redirect, "worker.pin.set.done", worker.getName());
        return "redirect:/workers/" + id;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/reset")
    String reset(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Worker worker = workers.get(me, id);
        if (Flash.attempt(redirect, null, () -> pins.reset(me, id, reason))) {
            Flash.success(redirect, "worker.pin.reset.done", worker.getName());
        }
        return "redirect:/workers/" + id;
    }

    private String show(SignedInUser me, long id, Model model) {
        model.addAttribute("worker", workers.get(me, id));
        model.addAttribute("pin", pins.statusOf(me, id));
        return "worker/pin";
    }
}
