package org.workrelief.payout.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.Flash;
import org.workrelief.payout.ConfirmationService;
import org.workrelief.payout.ConfirmationService.SheetEntry;
import org.workrelief.payout.ConfirmationSheet;
import org.workrelief.payout.ConfirmationSheets;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.payout.PayoutQueries;
import org.workrelief.project.ProjectService;

/**
 * 互证确认 of a team: its lines with their confirmations and evidence, the sheet to print, confirmations
 * recorded from an uploaded signed sheet, and the phone pages where a witness confirms with their PIN.
 */
@Controller
class ConfirmationController {

    /** A team form's witness fields: {@code witness-<lineId>}, up to two per line. */
    private static final Pattern WITNESS_FIELD = Pattern.compile("witness-(\\d{1,18})");

    private final PayoutBatches batches;
    private final ConfirmationService confirmations;
    private final ConfirmationSheets sheets;
    private final ProjectService projects;

    ConfirmationController(PayoutBatches batches, ConfirmationService confirmations, ConfirmationSheets sheets,
            ProjectService projects) {
        this.batches = batches;
        this.confirmations = confirmations;
        this.sheets = sheets;
        this.projects = projects;
    }

    @GetMapping("/payouts/{batchId}/teams/{teamId}")
    String team(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @PathVariable long teamId,
            Model model) {
        PayoutBatch batch = batches.batch(me, batchId);
        List<ConfirmationSheet> teamSheets = sheets.sheetsOf(batch).stream().filter(s -> s.teamId() == teamId).toList();
        model.addAttribute("sheets", teamSheets);
        model.addAttribute("openSheets", teamSheets.stream().filter(s -> !s.attested())
                .sorted(java.util.Comparator.comparingLong(ConfirmationSheet::id).reversed()).toList());
        return teamPage(me, batch, teamId, model, "payout/team");
    }

    @GetMapping("/payouts/{batchId}/teams/{teamId}/sheet")
    String sheet(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @PathVariable long teamId,
            Model model) {
        return teamPage(me, batches.batch(me, batchId), teamId, model, "payout/sheet");
    }

    /** 本人确认: the team's lines as large buttons, for the witness at the site device to pick a co-worker. */
    @GetMapping("/payouts/{batchId}/teams/{teamId}/pin")
    String pinTeam(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @PathVariable long teamId,
            Model model) {
        return teamPage(me, batches.batch(me, batchId), teamId, model, "payout/pin-team");
    }

    /** One co-worker's line (name, team, days, amount) and the witness's code and PIN. */
    @GetMapping("/payouts/{batchId}/teams/{teamId}/pin/{lineId}")
    String pinLine(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @PathVariable long teamId,
            @PathVariable long lineId, Model model) {
        teamPage(me, batches.batch(me, batchId), teamId, model, "payout/pin-line");
        @SuppressWarnings("unchecked")
        List<ConfirmationService.TeamLine> lines = (List<ConfirmationService.TeamLine>) model.getAttribute("lines");
        model.addAttribute("t", lines.stream().filter(t -> t.line().id() == lineId).findFirst()
                .orElseThrow(() -> new org.workrelief.common.NotFoundException("PayoutLine", lineId)));
        return "payout/pin-line";
    }

    @PostMapping("/payouts/{batchId}/teams/{teamId}/pin/{lineId}")
    String confirmByPin(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @PathVariable long teamId,
            @PathVariable long lineId, @RequestParam(required = false) String workerCode,
            @RequestParam(required = false) String pin, RedirectAttributes redirect) {
        String pinPage = "redirect:/payouts/" + batchId + "/teams/" + teamId + "/pin";
        return Flash.result(redirect, null, () -> confirmations.confirmByPin(me, lineId, workerCode, pin)).map(given -> {
            Flash.success(redirect, "payout.pin.confirmed", given.witnessName());
            return pinPage;
        }).orElse(pinPage + "/" + lineId);
    }

    private String teamPage(SignedInUser me, PayoutBatch batch, long teamId, Model model, String view) {
        var lines = confirmations.team(batch, teamId);
        model.addAttribute("batch", batch);
        model.addAttribute("project", projects.get(me, batch.projectId()));
        model.addAttribute("lines", lines);
        // one list of witnesses for all the lines (a <datalist>), not a list per line
        model.addAttribute("witnesses", ConfirmationService.witnessList(lines));
        model.addAttribute("teamId", teamId);
        model.addAttribute("teamName", lines.isEmpty() ? "" : lines.get(0).line().teamName());
        // the totals the bank file leaves out, on the sheet that is signed and filed
        model.addAttribute("sheetTotal", PayoutQueries.overall(lines.stream().map(t -> t.line()).toList()));
        return view;
    }

    /** Confirmations read from one uploaded sheet: every {@code witness-<lineId>} field filled in. */
    @PostMapping("/payouts/sheets/{sheetId}/confirmations")
    String recordFromSheet(@AuthenticationPrincipal SignedInUser me, @PathVariable long sheetId,
            @RequestParam long batchId, @RequestParam long teamId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        List<SheetEntry> entries = new ArrayList<>();
        form.forEach((name, values) -> {
            Matcher field = WITNESS_FIELD.matcher(name);
            if (field.matches()) {
                values.forEach(v -> entries.add(new SheetEntry(Long.parseLong(field.group(1)), v)));
            }
        });
        Flash.result(redirect, null, () -> confirmations.recordFromSheet(me, sheetId, entries))
                .ifPresent(recorded -> Flash.success(redirect, "payout.sheet.recorded", recorded));
        return back(batchId, teamId);
    }

    @PostMapping("/payouts/confirmations/{confirmationId}/remove")
    String remove(@AuthenticationPrincipal SignedInUser me, @PathVariable long confirmationId, @RequestParam long batchId,
            @RequestParam long teamId, RedirectAttributes redirect) {
        Flash.attempt(redirect, "payout.confirm.removed", () -> confirmations.remove(me, confirmationId));
        return back(batchId, teamId);
    }

    static String back(long batchId, long teamId) {
        return "redirect:/payouts/" + batchId + "/teams/" + teamId;
    }
}
