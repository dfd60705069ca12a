package org.workrelief.payout.web;

import java.io.IOException;
import java.time.YearMonth;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.Downloads;
import org.workrelief.common.web.FileImports;
import org.workrelief.common.web.Flash;
import org.workrelief.payout.BankService;
import org.workrelief.payout.BankTemplates;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.payout.PayoutQueries;
import org.workrelief.payout.WageLedger;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;

/** Finance's files: the bank file, the bank's results, the follow-up batch, and the wage ledger. */
@Controller
class BankController {

    private final PayoutBatches batches;
    private final PayoutQueries queries;
    private final BankService bank;
    private final WageLedger ledger;
    private final ProjectService projects;
    private final BankTemplates templates;

    BankController(PayoutBatches batches, PayoutQueries queries, BankService bank, WageLedger ledger,
            ProjectService projects, BankTemplates templates) {
        this.templates = templates;
        this.batches = batches;
        this.queries = queries;
        this.bank = bank;
        this.ledger = ledger;
        this.projects = projects;
    }

    /** The bank file in the two forms a bank takes: CSV (plain, for the bank's system) and XLSX (for Excel). No other. */
    @GetMapping("/payouts/{batchId}/bank-file.csv")
    void bankFileCsv(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, HttpServletResponse response)
            throws IOException {
        bankFile(me, batchId, BankService.Format.CSV, response);
    }

    @GetMapping("/payouts/{batchId}/bank-file.xlsx")
    void bankFileXlsx(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, HttpServletResponse response)
            throws IOException {
        bankFile(me, batchId, BankService.Format.XLSX, response);
    }

    private void bankFile(SignedInUser me, long batchId, BankService.Format format, HttpServletResponse response)
            throws IOException {
        // finance only: the service audits a refused attempt too (so no @PreAuthorize here, which would not)
        bank.requireFinance(me, batchId, format);
        PayoutBatch batch = batches.batch(me, batchId);
        Project project = projects.get(me, batch.projectId());
        Downloads.attachment(response, format == BankService.Format.XLSX ? Downloads.XLSX : Downloads.CSV,
                project.getCode() + "-银行代发-" + batch.periodFrom() + "~" + batch.periodTo() + "."
                        + format.name().toLowerCase(java.util.Locale.ROOT));
        bank.writeBankFile(me, batchId, format, response.getOutputStream());
    }

    /** The bank file in the template chosen for the batch or its town (today's CSV where there is none). */
    @GetMapping("/payouts/{batchId}/bank-file")
    void bankFileByTemplate(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId,
            HttpServletResponse response) throws IOException {
        var template = templates.effective(batchId).orElse(null);
        if (template == null) {
            bankFile(me, batchId, BankService.Format.CSV, response);
            return;
        }
        bank.requireFinance(me, batchId, template.format());
        PayoutBatch batch = batches.batch(me, batchId);
        Project project = projects.get(me, batch.projectId());
        Downloads.attachment(response, template.format() == BankService.Format.XLSX ? Downloads.XLSX
                : template.encoding() == org.workrelief.payout.BankTemplate.Encoding.GBK ? "text/csv;charset=GBK" : Downloads.CSV,
                project.getCode() + "-银行代发-" + template.bankName() + "-" + batch.periodFrom() + "~" + batch.periodTo() + "."
                        + template.extension());
        bank.writeBankFile(me, batchId, template, response.getOutputStream());
    }

    /** Finance chooses the batch's template (empty: the town's). */
    @PostMapping("/payouts/{batchId}/bank-template")
    String chooseTemplate(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId,
            @RequestParam(required = false) Long templateId, RedirectAttributes redirect) {
        Flash.attempt(redirect, "payout.bankTemplate.batchChosen", () -> templates.chooseForBatch(me, batchId, templateId));
        return "redirect:/payouts/" + batchId;
    }

    @PreAuthorize("hasRole('FINANCE')")
    @GetMapping("/payouts/{batchId}/results")
    String resultsForm(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, Model model) {
        return resultsPage(me, batchId, model);
    }

    @PreAuthorize("hasRole('FINANCE')")
    @PostMapping("/payouts/{batchId}/results")
    String importResults(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId,
            @RequestParam("file") MultipartFile file, Model model) throws IOException {
        FileImports.run(file, model, (name, content) -> bank.importResults(me, batchId, name, content));
        return resultsPage(me, batchId, model);
    }

    /** The upload is offered only while the bank's answer is still expected: released, with lines awaiting it. */
    private String resultsPage(SignedInUser me, long batchId, Model model) {
        model.addAttribute("batch", batches.batch(me, batchId));
        model.addAttribute("resultsExpected", queries.awaitingBankResults(me, batchId));
        model.addAttribute("bankTemplate", templates.effective(batchId).orElse(null));
        return "payout/results";
    }

    @PostMapping("/payouts/{batchId}/reissue")
    String reissue(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, RedirectAttributes redirect) {
        return Flash.result(redirect, "payout.reissued", () -> bank.reissueFailed(me, batchId))
                .map(followUp -> "redirect:/payouts/" + followUp.id()).orElse("redirect:/payouts/" + batchId);
    }

    @GetMapping("/projects/{projectId}/payouts/ledger.xlsx")
    void wageLedger(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, HttpServletResponse response)
            throws IOException {
        Project project = projects.get(me, projectId);
        Downloads.attachment(response, Downloads.XLSX, project.getCode() + "-工资发放台账-" + month + ".xlsx");
        ledger.write(me, projectId, month, response.getOutputStream());
    }
}
