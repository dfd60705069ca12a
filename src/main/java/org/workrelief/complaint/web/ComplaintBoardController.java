package org.workrelief.complaint.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.web.Flash;
import org.workrelief.complaint.ComplaintBoards;
import org.workrelief.complaint.ComplaintBoards.Board;

/** 维权信息告示牌: the town administrator sets what the town's public site and site board show. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ComplaintBoardController {

    private final ComplaintBoards boards;

    ComplaintBoardController(ComplaintBoards boards) {
        this.boards = boards;
    }

    @GetMapping("/admin/complaint-board")
    String form(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("townId", me.townId());
        model.addAttribute("board", me.townId() == null ? null
                : boards.of(me.townId()).orElse(new Board("", "", "12345", "", "", -1)));
        return "complaint/board-form";
    }

    @PostMapping("/admin/complaint-board")
    String save(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String hotline,
            @RequestParam(required = false) String labourInspection, @RequestParam(required = false) String citizenHotline,
            @RequestParam(required = false) String committee, @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        Flash.attempt(redirect, "complaint.board.saved",
                () -> boards.save(me, new Board(hotline, labourInspection, citizenHotline, committee, note, version)));
        return "redirect:/admin/complaint-board";
    }
}
