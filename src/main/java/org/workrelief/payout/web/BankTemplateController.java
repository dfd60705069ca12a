package org.workrelief.payout.web;

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
import org.workrelief.common.web.Flash;
import org.workrelief.common.web.FormErrors;
import org.workrelief.payout.BankField;
import org.workrelief.payout.BankService;
import org.workrelief.payout.BankTemplate;
import org.workrelief.payout.BankTemplateForm;
import org.workrelief.payout.BankTemplates;

/** 银行文件模板: the banks' layouts, and the one each town uses; finance and administrators. */
@Controller
@PreAuthorize("hasAnyRole('FINANCE','ADMIN')")
class BankTemplateController {

    private final BankTemplates templates;

    BankTemplateController(BankTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/bank-templates")
    String list(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("towns", templates.townChoices(me));
        return "payout/bank-templates";
    }

    @GetMapping("/bank-templates/new")
    String newForm(Model model) {
        model.addAttribute("bankTemplateForm", BankTemplateForm.blank());
        return form(null, model);
    }

    @PostMapping("/bank-templates")
    String create(@AuthenticationPrincipal SignedInUser me, @ModelAttribute BankTemplateForm bankTemplateForm,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!FormErrors.attempt(binding, () -> templates.create(me, bankTemplateForm))) {
            return form(null, model);
        }
        Flash.success(redirect, "payout.bankTemplate.saved");
        return "redirect:/bank-templates";
    }

    @GetMapping("/bank-templates/{id}")
    String edit(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        model.addAttribute("bankTemplateForm", templates.formOf(me, id));
        return form(templates.get(id), model);
    }

    @PostMapping("/bank-templates/{id}")
    String update(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @ModelAttribute BankTemplateForm bankTemplateForm, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!FormErrors.attempt(binding, () -> templates.update(me, id, bankTemplateForm))) {
            return form(templates.get(id), model);
        }
        Flash.success(redirect, "payout.bankTemplate.saved");
        return "redirect:/bank-templates";
    }

    /** A town's template; an empty choice is today's layout. */
    @PostMapping("/bank-templates/towns/{townId}")
    String chooseForTown(@AuthenticationPrincipal SignedInUser me, @PathVariable long townId,
            @RequestParam(required = false) Long templateId, RedirectAttributes redirect) {
        Flash.attempt(redirect, "payout.bankTemplate.townChosen", () -> templates.chooseForTown(me, townId, templateId));
        return "redirect:/bank-templates";
    }

    private String form(BankTemplate template, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("fields", BankField.values());
        model.addAttribute("encodings", BankTemplate.Encoding.values());
        model.addAttribute("formats", BankService.Format.values());
        return "payout/bank-template";
    }
}
