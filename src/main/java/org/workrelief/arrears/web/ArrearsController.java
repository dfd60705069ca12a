package org.workrelief.arrears.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workrelief.account.SignedInUser;
import org.workrelief.arrears.ArrearsKind;
import org.workrelief.arrears.ArrearsService;
import org.workrelief.arrears.ArrearsWarning;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.common.web.Downloads;

/** 欠薪预警: the list, the panel on the home page and the overview, and the XLSX download. */
@Controller
@RequestMapping("/arrears")
class ArrearsController {

    /** The panels list this many warnings and link to the full list. */
    static final int PANEL_SIZE = 10;
    static final int NAMES_SHOWN = 5;

    private final ArrearsService arrears;
    private final MessageSource messages;

    ArrearsController(ArrearsService arrears, MessageSource messages) {
        this.arrears = arrears;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser me, Model model) {
        List<ArrearsWarning> warnings = arrears.warnings(me);
        model.addAttribute("warnings", warnings);
        model.addAttribute("kinds", ArrearsKind.values());
        model.addAttribute("today", arrears.today());
        model.addAttribute("namesShown", NAMES_SHOWN);
        return "arrears/list";
    }

    /**
     * The panel: on the home page ({@code home}) the warnings the viewer's role must act on (nothing at
     * all when there are none and the role acts on none); on the overview every warning in the viewer's scope.
     */
    @GetMapping("/panel")
    String panel(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "home") String on, Model model) {
        boolean home = !"overview".equals(on);
        List<ArrearsWarning> warnings = home ? arrears.toActOn(me) : arrears.warnings(me);
        model.addAttribute("warnings", warnings.subList(0, Math.min(PANEL_SIZE, warnings.size())));
        model.addAttribute("total", warnings.size());
        model.addAttribute("counts", java.util.Arrays.stream(ArrearsKind.values())
                .map(kind -> new KindCount(kind, warnings.stream().filter(w -> w.kind() == kind).count(),
                        warnings.stream().filter(w -> w.kind() == kind).map(ArrearsWarning::amount)
                                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)))
                .filter(count -> !home || count.count() > 0).toList());
        model.addAttribute("namesShown", NAMES_SHOWN);
        model.addAttribute("home", home);
        model.addAttribute("actsOnAny", java.util.Arrays.stream(ArrearsKind.values()).anyMatch(k -> k.actedOnBy(me.role())));
        return "arrears/panel :: panel";
    }

    /** How many warnings of a kind, and their amount. */
    record KindCount(ArrearsKind kind, long count, java.math.BigDecimal amount) {
    }

    /** The whole list as XLSX, in the viewer's language: one row per warning, every worker named. */
    @GetMapping("/export.xlsx")
    void export(@AuthenticationPrincipal SignedInUser me, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        List<ArrearsWarning> warnings = arrears.warnings(me);
        List<String> headers = List.of("arrears.column.kind", "arrears.column.town", "arrears.column.projectCode",
                "arrears.column.project", "arrears.column.period", "arrears.column.batch", "arrears.column.workerCount",
                "arrears.column.workers", "arrears.column.amount", "arrears.column.dueBy", "arrears.column.daysOverdue")
                .stream().map(key -> messages.getMessage(key, null, locale)).toList();
        List<SheetWriter.Kind> kinds = List.of(SheetWriter.Kind.TEXT, SheetWriter.Kind.TEXT, SheetWriter.Kind.TEXT,
                SheetWriter.Kind.TEXT, SheetWriter.Kind.TEXT, SheetWriter.Kind.TEXT, SheetWriter.Kind.INTEGER,
                SheetWriter.Kind.TEXT, SheetWriter.Kind.MONEY, SheetWriter.Kind.TEXT, SheetWriter.Kind.INTEGER);
        List<List<Object>> rows = new ArrayList<>();
        for (ArrearsWarning w : warnings) {
            List<Object> row = new ArrayList<>();
            row.add(messages.getMessage("arrears.kind." + w.kind(), null, locale));
            row.add(w.townName());
            row.add(w.projectCode());
            row.add(w.projectName());
            row.add(w.periodFrom() + " ~ " + w.periodTo());
            row.add(w.batchId() == null ? "" : "#" + w.batchId());
            row.add(w.workerCount());
            row.add(String.join("、", w.workers()));
            row.add(w.amount());
            row.add(w.dueBy().toString());
            row.add(w.daysOverdue());
            rows.add(row);
        }
        Downloads.attachment(response, Downloads.XLSX,
                messages.getMessage("arrears.file", new Object[] { arrears.today().toString() }, locale) + ".xlsx");
        SheetWriter.xlsx(messages.getMessage("arrears.title", null, locale), headers, kinds, rows, response.getOutputStream());
    }
}
