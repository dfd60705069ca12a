package org.workrelief.publicsite.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workrelief.common.web.PublicLinks;
import org.workrelief.complaint.ComplaintBoards;
import org.workrelief.publicsite.ProjectSignBoards;
import org.workrelief.publicsite.ProjectSignBoards.SignBoard;
import org.workrelief.worker.WorkerCards;

/**
 * 项目公示牌: each project's public page (no sign-in) and the printable A3 board for the site, whose QR code
 * leads to that page. The link is built from the configured public address ({@code workrelief.public-url}),
 * never from the request's Host header, so a forged Host cannot put another site's address on a printed board.
 */
@Controller
class SignBoardController {

    private final ProjectSignBoards signBoards;
    private final ComplaintBoards complaintBoards;
    private final WorkerCards codes;
    private final PublicLinks links;

    SignBoardController(ProjectSignBoards signBoards, ComplaintBoards complaintBoards, WorkerCards codes,
            PublicLinks links) {
        this.signBoards = signBoards;
        this.complaintBoards = complaintBoards;
        this.codes = codes;
        this.links = links;
    }

    @GetMapping("/public/projects/{code}")
    String page(@PathVariable String code, Model model) {
        fill(signBoards.of(code), model);
        return "public/project";
    }

    /** The board to print (A3 landscape) and put up on site. */
    @GetMapping("/public/projects/{code}/board")
    String board(@PathVariable String code, Model model) {
        SignBoard board = signBoards.of(code);
        fill(board, model);
        String link = links.to("public", "projects", board.code());
        model.addAttribute("publicLink", link);
        model.addAttribute("qr", codes.qrSvg(link));
        return "public/sign-board";
    }

    private void fill(SignBoard board, Model model) {
        model.addAttribute("board", board);
        // the town's 维权信息 as its administrator posted it (hotlines only here: the committee's contacts
        // are on the town's own complaint board page)
        model.addAttribute("complaintBoard", complaintBoards.of(board.townId()).orElse(null));
    }
}
