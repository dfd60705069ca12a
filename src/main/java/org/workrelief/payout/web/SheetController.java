package org.workrelief.payout.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.workrelief.common.web.Flash;
import org.workrelief.payout.ConfirmationService;
import org.workrelief.payout.ConfirmationSheet;
import org.workrelief.payout.ConfirmationSheets;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.payout.SheetFile;
import org.workrelief.project.ProjectService;

/** 互证签字表: a team's signed sheet uploaded, opened, and attested by the committee (核对签字表). */
@Controller
class SheetController {

    private final ConfirmationSheets sheets;
    private final ConfirmationService confirmations;
    private final PayoutBatches batches;
    private final ProjectService projects;

    SheetController(ConfirmationSheets sheets, ConfirmationService confirmations, PayoutBatches batches,
            ProjectService projects) {
        this.sheets = sheets;
        this.confirmations = confirmations;
        this.batches = batches;
        this.projects = projects;
    }

    @PostMapping("/payouts/{batchId}/teams/{teamId}/sheets")
    String upload(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @PathVariable long teamId,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        Flash.attempt(redirect, "payout.sheet.uploaded", () -> sheets.upload(me, batchId, teamId,
                file == null ? null : file.getOriginalFilename(), file == null ? new byte[0] : file.getBytes()));
        return ConfirmationController.back(batchId, teamId) + "#sheets";
    }

    /** The sheet's page: the scan beside what was recorded from it, and the committee's attestation. */
    @GetMapping("/payouts/sheets/{sheetId}")
    String show(@AuthenticationPrincipal SignedInUser me, @PathVariable long sheetId, Model model) {
        ConfirmationSheet sheet = sheets.sheet(me, sheetId);
        PayoutBatch batch = batches.batch(me, sheet.batchId());
        model.addAttribute("sheet", sheet);
        model.addAttribute("batch", batch);
        model.addAttribute("project", projects.get(me, batch.projectId()));
        model.addAttribute("recorded", confirmations.confirmationsOf(me, batch.id()).stream()
                .filter(c -> c.sheetId() != null && c.sheetId() == sheetId).toList());
        model.addAttribute("payees", batches.lines(me, batch.id()).stream()
                .collect(java.util.stream.Collectors.toMap(l -> l.id(), l -> l)));
        return "payout/sheet-view";
    }

    @GetMapping("/payouts/sheets/{sheetId}/file")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal SignedInUser me, @PathVariable long sheetId) {
        SheetFile file = sheets.open(me, sheetId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @PostMapping("/payouts/sheets/{sheetId}/attest")
    String attest(@AuthenticationPrincipal SignedInUser me, @PathVariable long sheetId, @RequestParam long version,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, "payout.sheet.attested", () -> sheets.attest(me, sheetId, version));
        return "redirect:/payouts/sheets/" + sheetId;
    }
}
