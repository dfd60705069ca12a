package org.workrelief.payout.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workrelief.common.web.PageRequests;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.Flash;
import org.workrelief.payout.BatchStatus;
import org.workrelief.payout.CallbackService;
import org.workrelief.payout.LineStatus;
import org.workrelief.payout.BatchComplaints;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutLine;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.payout.PayoutQueries;
import org.workrelief.payout.PayoutService;
import org.workrelief.payout.ConfirmationSheets;
import org.workrelief.payout.WageLedger;
import org.workrelief.payout.WitnessConcentration;
import org.workrelief.project.ProjectService;

/** 劳务报酬发放: a project's batches, one batch with its lines, deductions, objections and state moves. */
@Controller
class PayoutController {

    private final PayoutService payouts;
    private final PayoutBatches batches;
    private final BatchComplaints objections;
    private final ProjectService projects;
    private final WageLedger ledger;
    private final CallbackService callbacks;
    private final WitnessConcentration concentration;

    private final ConfirmationSheets sheets;

    PayoutController(PayoutService payouts, PayoutBatches batches, BatchComplaints objections, ProjectService projects, WageLedger ledger,
            CallbackService callbacks, WitnessConcentration concentration, ConfirmationSheets sheets) {
        this.payouts = payouts;
        this.batches = batches;
        this.sheets = sheets;
        this.concentration = concentration;
        this.callbacks = callbacks;
        this.objections = objections;
        this.projects = projects;
        this.ledger = ledger;
    }

    @GetMapping("/projects/{projectId}/payouts")
    String list(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, Model model) {
        model.addAttribute("project", projects.get(me, projectId));
        model.addAttribute("batches", batches.batchesOf(me, projectId));
        YearMonth last = YearMonth.from(payouts.today()).minusMonths(1);
        model.addAttribute("defaultFrom", last.atDay(1));
        model.addAttribute("defaultTo", last.atEndOfMonth());
        // the wage ledger of a month the project paid in: the latest first (not an empty file of this month)
        model.addAttribute("ledgerMonths", ledger.months(me, projectId));
        return "payout/list";
    }

    @PostMapping("/projects/{projectId}/payouts")
    String create(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            RedirectAttributes redirect) {
        PayoutBatch[] created = new PayoutBatch[1];
        return Flash.attempt(redirect, "payout.created", () -> created[0] = payouts.create(me, projectId, from, to))
                ? "redirect:/payouts/" + created[0].id() : "redirect:/projects/" + projectId + "/payouts";
    }

    /**
     * A batch of a whole project holds hundreds of lines: they are shown a page at a time (the totals,
     * the team sheets and the objection form still cover every line).
     */
    static final int LINES_PER_PAGE = 50;

    @GetMapping("/payouts/{batchId}")
    String show(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId,
            @RequestParam(required = false) Integer page, @RequestParam(defaultValue = "" + LINES_PER_PAGE) int size,
            @RequestParam(required = false) Long line, Model model) {
        PayoutBatch batch = batches.batch(me, batchId);
        // the batch's visibility is checked once, above: the lines, objections and sheets are read for it
        List<PayoutLine> lines = batches.lines(batch);
        Map<Long, String> teams = new LinkedHashMap<>();
        lines.forEach(l -> teams.putIfAbsent(l.teamId(), l.teamName()));
        PageRequest asked = PageRequests.of(page == null ? 0 : page, size, Sort.unsorted());
        // ?line=: the page that holds this line (a link to one line, e.g. from a call-back that differs); a page the
        // pager asks for (it keeps the line in its links) wins
        for (int i = 0; line != null && page == null && i < lines.size(); i++) {
            if (lines.get(i).id() == line) {
                asked = PageRequests.of(i / asked.getPageSize(), asked.getPageSize(), Sort.unsorted());
            }
        }
        int shownPage = Math.min(asked.getPageNumber(), Math.max(0, (lines.size() - 1) / asked.getPageSize()));
        int from = shownPage * asked.getPageSize();
        model.addAttribute("batch", batch);
        model.addAttribute("project", projects.get(me, batch.projectId()));
        model.addAttribute("lines", lines);
        model.addAttribute("shown", new PageImpl<>(lines.subList(from, Math.min(lines.size(), from + asked.getPageSize())),
                PageRequest.of(shownPage, asked.getPageSize()), lines.size()));
        model.addAttribute("teams", teams);
        model.addAttribute("totals", PayoutQueries.totals(lines));
        model.addAttribute("overall", PayoutQueries.overall(lines));
        model.addAttribute("resultsExpected", batch.status() == BatchStatus.RELEASED
                && lines.stream().anyMatch(l -> l.status() == LineStatus.PENDING));
        model.addAttribute("unconfirmed", lines.stream().filter(l -> !l.confirmed()).count());
        model.addAttribute("sheets", sheets.sheetsOf(batch));
        model.addAttribute("objections", objections.of(batch.id()));
        var callback = callbacks.overviewOf(batch);
        model.addAttribute("callbackSample", callback.sample());
        model.addAttribute("callbackChecks", callback.checks());
        // 互证集中提示, for the approver and the committee
        model.addAttribute("witnessConcentration", concentration.of(me, batch));
        model.addAttribute("noticeOver", batch.noticeUntil() != null && !batch.noticeUntil().isAfter(java.time.Instant.now(
                payouts.clock())));
        return "payout/batch";
    }

    @PostMapping("/payouts/{batchId}/publicize")
    String publicize(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @RequestParam long version,
            RedirectAttributes redirect) {
        return step(redirect, batchId, "payout.publicized", () -> payouts.publicize(me, batchId, version));
    }

    @PostMapping("/payouts/{batchId}/approve")
    String approve(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @RequestParam long version,
            RedirectAttributes redirect) {
        return step(redirect, batchId, "payout.approved", () -> payouts.approve(me, batchId, version));
    }

    @PostMapping("/payouts/{batchId}/release")
    String release(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @RequestParam long version,
            RedirectAttributes redirect) {
        return step(redirect, batchId, "payout.released", () -> payouts.release(me, batchId, version));
    }

    @PostMapping("/payouts/{batchId}/recompute")
    String recompute(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, RedirectAttributes redirect) {
        return step(redirect, batchId, "payout.recomputed", () -> payouts.recomputeAll(me, batchId));
    }

    @PostMapping("/payouts/{batchId}/discard")
    String discard(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId, @RequestParam long version,
            RedirectAttributes redirect) {
        PayoutBatch batch = batches.batch(me, batchId);
        return Flash.attempt(redirect, "payout.discarded", () -> payouts.discard(me, batchId, version))
                ? "redirect:/projects/" + batch.projectId() + "/payouts" : "redirect:/payouts/" + batchId;
    }

    @PostMapping("/payouts/lines/{lineId}/deduction")
    String deduct(@AuthenticationPrincipal SignedInUser me, @PathVariable long lineId, @RequestParam long batchId,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String reason,
            @RequestParam long version, @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        // back to the page of lines the deduction was made on; the amount as typed, so "abc" is said on that page
        redirect.addAttribute("page", Math.max(0, page));
        return step(redirect, batchId, "payout.deducted",
                () -> payouts.deduct(me, lineId, PayoutService.deductionAmount(amount), reason, version));
    }

    @PostMapping("/payouts/{batchId}/objections")
    String object(@AuthenticationPrincipal SignedInUser me, @PathVariable long batchId,
            @RequestParam(required = false) Long lineId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String raisedBy, @RequestParam(required = false) String content,
            RedirectAttributes redirect) {
        return step(redirect, batchId, "payout.objection.recorded",
                () -> objections.recordObjection(me, batchId, lineId, kind, raisedBy, content));
    }

    @PostMapping("/payouts/objections/{objectionId}/resolve")
    String resolve(@AuthenticationPrincipal SignedInUser me, @PathVariable long objectionId, @RequestParam long batchId,
            @RequestParam(required = false) String resolution, @RequestParam(defaultValue = "false") boolean recompute,
            @RequestParam long version, RedirectAttributes redirect) {
        return step(redirect, batchId, "payout.objection.resolved",
                () -> objections.resolve(me, objectionId, resolution, recompute, version));
    }

    /** Runs one step of the batch page and returns to it. */
    private static String step(RedirectAttributes redirect, long batchId, String done, Flash.Step<RuntimeException> action) {
        Flash.attempt(redirect, done, action);
        return "redirect:/payouts/" + batchId;
    }
}
