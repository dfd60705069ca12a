package org.workrelief.dashboard.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.Flash;
import org.workrelief.dashboard.DashboardService;
import org.workrelief.dashboard.DashboardService.Chart;
import org.workrelief.dashboard.ProjectFigures;

import tools.jackson.databind.json.JsonMapper;

/** 项目看板 and 乡镇总览: the figures officials judge projects by, each linking to the records behind it. */
@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final MessageSource messages;
    private final JsonMapper json;
    private final org.workrelief.account.AccountService accounts;

    DashboardController(DashboardService dashboards, MessageSource messages, JsonMapper json,
            org.workrelief.account.AccountService accounts) {
        this.accounts = accounts;
        this.dashboards = dashboards;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/projects/{projectId}/dashboard")
    String project(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, Model model) {
        DashboardService.ProjectDashboard dashboard = dashboards.dashboard(me, projectId);
        model.addAttribute("f", dashboard.figures());
        Map<String, String> charts = new LinkedHashMap<>();
        dashboard.charts().forEach((name, chart) -> charts.put(name, json.writeValueAsString(
                "households".equals(name) ? translated(chart) : chart)));
        model.addAttribute("charts", charts);
        model.addAttribute("groups", dashboard.groups());
        return "dashboard/project";
    }

    /**
     * The overview: the projects of the viewer's town; at county level first the towns (每个乡镇一行,
     * with their projects' sums), and a town's projects once one is chosen ({@code town}).
     */
    @GetMapping("/dashboard")
    String overview(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) Long town, Model model) {
        Map<Long, String> towns = new LinkedHashMap<>();
        accounts.townsVisibleTo(me).forEach(t -> towns.put(t.getId(), t.getName()));
        boolean byTown = me.isCountyLevel() && town == null;
        DashboardService.Overview overview = dashboards.overview(me, byTown ? null : town);
        List<ProjectFigures> figures = overview.figures();
        model.addAttribute("totals", OverviewTotals.of(figures));
        model.addAttribute("asOf", overview.asOf());
        model.addAttribute("maxAgeMinutes", overview.maxAge().toMinutes());
        model.addAttribute("towns", towns);
        model.addAttribute("byTown", byTown);
        model.addAttribute("countyLevel", me.isCountyLevel());
        if (byTown) {
            Map<Long, List<ProjectFigures>> ofTown = new LinkedHashMap<>();
            towns.keySet().forEach(id -> ofTown.put(id, new ArrayList<>()));
            figures.forEach(f -> ofTown.computeIfAbsent(f.project().getTownId(), id -> new ArrayList<>()).add(f));
            Map<Long, OverviewTotals> townTotals = new LinkedHashMap<>();
            ofTown.forEach((id, list) -> townTotals.put(id, OverviewTotals.of(list)));
            model.addAttribute("townTotals", townTotals);
        }
        else {
            model.addAttribute("figures", figures);
            model.addAttribute("town", town == null ? null : towns.get(town));
        }
        return "dashboard/overview";
    }

    /** "Refresh now": the overview's figures computed from the records, then shown. */
    @PostMapping("/dashboard/refresh")
    String refresh(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) Long town,
            RedirectAttributes redirect) {
        dashboards.refresh(me);
        Flash.success(redirect, "dashboard.refreshed");
        if (town != null) {
            redirect.addAttribute("town", town);
        }
        return "redirect:/dashboard";
    }

    /** Household statuses are stored as names; the chart shows them in the user's language. */
    private Chart translated(Chart chart) {
        return new Chart(chart.kind(), chart.labels().stream().map(label -> messages.getMessage(
                "worker.householdStatus." + label, null, label, LocaleContextHolder.getLocale())).toList(), chart.values());
    }
}
