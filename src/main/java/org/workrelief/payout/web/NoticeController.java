package org.workrelief.payout.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workrelief.common.web.PublicLinks;
import org.workrelief.common.NotFoundException;
import org.workrelief.payout.PayoutQueries;

/**
 * 公示: the masked payout list for the village notice board and the villagers' WeChat group. No
 * login; reachable only by the batch's unguessable link. A table on paper and wide screens, one card per
 * person on a phone (static/css/notice.css).
 */
@Controller
class NoticeController {

    private final PayoutQueries payouts;
    private final org.workrelief.worker.WorkerCards cards;

    private final PublicLinks links;

    NoticeController(PayoutQueries payouts, org.workrelief.worker.WorkerCards cards, PublicLinks links) {
        this.links = links;
        this.payouts = payouts;
        this.cards = cards;
    }

    /**
     * Readable from its publication until three years after the wages were released (marked 已发放 or
     * 已结清 with the dates); after that it says the list was withdrawn (410 Gone).
     */
    @GetMapping("/notice/{token}")
    String notice(@PathVariable String token, Model model, HttpServletResponse response) {
        PayoutQueries.PublicNotice notice = payouts.publicNotice(token)
                .orElseThrow(() -> new NotFoundException("Notice", "?"));
        if (notice.withdrawn()) {
            response.setStatus(HttpStatus.GONE.value());
        }
        model.addAttribute("notice", notice);
        // 本人查询: each worker on the list looks up their own line, days and pay slip with their PIN
        model.addAttribute("selfQr", cards.qrSvg(links.to("self")));
        model.addAttribute("keptYears", PayoutQueries.NOTICE_KEPT.getYears());
        return "payout/notice";
    }
}
