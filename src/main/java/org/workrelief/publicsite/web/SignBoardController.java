package org.workrelief.publicsite.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;
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
    private final String publicUrl;

    SignBoardController(ProjectSignBoards signBoards, ComplaintBoards complaintBoards, WorkerCards codes,
            @Value("${workrelief.public-url:}") String publicUrl) {
        this.signBoards = signBoards;
        this.complaintBoards = complaintBoards;
        this.codes = codes;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
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
        String link = publicLink(board.code());
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

    String publicLink(String code) {
        return UriComponentsBuilder.fromUriString(publicUrl).pathSegment("public", "projects", code).build().toUriString();
    }
}
