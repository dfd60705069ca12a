package org.workrelief.asset.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.workrelief.account.SignedInUser;
import org.workrelief.asset.AssetService;
import org.workrelief.asset.Dividend;
import org.workrelief.asset.DividendSplit;
import org.workrelief.asset.JobKind;
import org.workrelief.asset.OperationJob;
import org.workrelief.asset.SplitRule;
import org.workrelief.common.web.Flash;
import org.workrelief.common.web.PageRequests;
import org.workrelief.project.ProjectService;

/** 资产与分红 and 运营期就业: one page per project for the transfer, assets, dividends (and splits) and jobs. */
@Controller
class AssetController {

    private final AssetService assets;
    private final ProjectService projects;

    AssetController(AssetService assets, ProjectService projects) {
        this.assets = assets;
        this.projects = projects;
    }

    /** Rows of the households' shares and of the jobs per page (a reference project has 181 and 523): as every list. */
    static final int ROWS = PageRequests.DEFAULT_SIZE;

    @GetMapping("/projects/{projectId}/assets")
    String page(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) Long dividendId, @RequestParam(defaultValue = "0") int sharesPage,
            @RequestParam(defaultValue = "0") int jobsPage, Model model) {
        model.addAttribute("project", projects.get(me, projectId));
        model.addAttribute("transfer", assets.transfer(me, projectId).orElse(null));
        model.addAttribute("assets", assets.assets(me, projectId));
        var dividends = assets.dividends(me, projectId);
        model.addAttribute("dividends", dividends);
        Long shown = dividendId != null ? dividendId : dividends.stream().filter(d -> d.splitRule() != null)
                .map(Dividend::id).reduce((a, b) -> b).orElse(null);
        if (shown != null && dividends.stream().anyMatch(d -> d.id() == shown)) {
            model.addAttribute("shownDividend", shown);
            Page<DividendSplit.Share> shares = assets.shares(me, shown, PageRequests.of(sharesPage, ROWS, Sort.unsorted()));
            model.addAttribute("shares", shares);
            model.addAttribute("sharesPrevious", link(projectId, shown, shares.getNumber() - 1, jobsPage, "shares"));
            model.addAttribute("sharesNext", link(projectId, shown, shares.getNumber() + 1, jobsPage, "shares"));
        }
        Page<OperationJob> jobs = assets.jobs(me, projectId, PageRequests.of(jobsPage, ROWS, Sort.unsorted()));
        model.addAttribute("jobs", jobs);
        model.addAttribute("jobsPrevious", link(projectId, dividendId, sharesPage, jobs.getNumber() - 1, "jobs"));
        model.addAttribute("jobsNext", link(projectId, dividendId, sharesPage, jobs.getNumber() + 1, "jobs"));
        model.addAttribute("jobYears", assets.jobsPerYear(me, projectId));
        model.addAttribute("jobKinds", JobKind.values());
        model.addAttribute("rules", SplitRule.values());
        model.addAttribute("thisYear", assets.today().getYear());
        return "asset/page";
    }

    @PostMapping("/projects/{projectId}/assets/transfer")
    String transfer(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) String receiver,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate handedOverOn,
            @RequestParam(required = false) String documentRef, @RequestParam(required = false) String company,
            @RequestParam(required = false) BigDecimal equityPercent, @RequestParam(required = false) BigDecimal valuation,
            @RequestParam(required = false) BigDecimal guaranteedDividend, @RequestParam(defaultValue = "0") long version,
            RedirectAttributes redirect) {
        return step(redirect, projectId, "asset.transfer.saved", () -> assets.saveTransfer(me, projectId,
                new AssetService.AssetForm(receiver, handedOverOn, documentRef, company, equityPercent, valuation,
                        guaranteedDividend, version)));
    }

    @PostMapping("/projects/{projectId}/assets/items")
    String addAsset(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(required = false) String name, @RequestParam(required = false) BigDecimal value,
            RedirectAttributes redirect) {
        return step(redirect, projectId, "asset.added", () -> assets.addAsset(me, projectId, name, value));
    }

    @PostMapping("/projects/{projectId}/dividends")
    String dividend(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(defaultValue = "0") int year, @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            RedirectAttributes redirect) {
        return step(redirect, projectId, "asset.dividend.recorded",
                () -> assets.recordDividend(me, projectId, year, amount, receivedOn));
    }

    @PostMapping("/projects/{projectId}/dividends/{dividendId}/split")
    String split(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, @PathVariable long dividendId,
            @RequestParam(required = false) SplitRule rule, @RequestParam(required = false) String households,
            RedirectAttributes redirect) {
        step(redirect, projectId, "asset.split.done", () -> assets.split(me, dividendId, rule, households));
        return "redirect:/projects/" + projectId + "/assets?dividendId=" + dividendId + "#dividends";
    }

    @PostMapping("/projects/{projectId}/jobs")
    String job(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam(defaultValue = "0") int year, @RequestParam(required = false) JobKind kind,
            @RequestParam(required = false) String position, @RequestParam(required = false) String workerCode,
            RedirectAttributes redirect) {
        step(redirect, projectId, "job.added", () -> assets.addJob(me, projectId, year, kind, position, workerCode));
        return "redirect:/projects/" + projectId + "/assets#jobs";
    }

    /** The page again with one list on another page; the other list stays where it was. */
    private static String link(long projectId, Long dividendId, int sharesPage, int jobsPage, String anchor) {
        return UriComponentsBuilder.fromPath("/projects/{p}/assets").queryParamIfPresent("dividendId",
                        java.util.Optional.ofNullable(dividendId))
                .queryParamIfPresent("sharesPage", java.util.Optional.of(sharesPage).filter(n -> n > 0))
                .queryParamIfPresent("jobsPage", java.util.Optional.of(jobsPage).filter(n -> n > 0))
                .fragment(anchor).buildAndExpand(projectId).toUriString();
    }

    /** Runs one step of the page and returns to it. */
    private static String step(RedirectAttributes redirect, long projectId, String done, Flash.Step<RuntimeException> action) {
        Flash.attempt(redirect, done, action);
        return "redirect:/projects/" + projectId + "/assets";
    }
}
