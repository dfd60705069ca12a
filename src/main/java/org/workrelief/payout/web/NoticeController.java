package org.workrelief.payout.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workrelief.common.NotFoundException;
import org.workrelief.payout.PayoutService;

/**
 * 公示: the masked payout list for the village notice board and the villagers' WeChat group. No
 * login; reachable only by the batch's unguessable link.
 */
@Controller
class NoticeController {

    private final PayoutService payouts;

    NoticeController(PayoutService payouts) {
        this.payouts = payouts;
    }

    @GetMapping("/notice/{token}")
    String notice(@PathVariable String token, Model model) {
        model.addAttribute("notice", payouts.publicNotice(token).orElseThrow(() -> new NotFoundException("Notice", "?")));
        return "payout/notice";
    }
}
