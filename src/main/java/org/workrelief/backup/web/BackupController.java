package org.workrelief.backup.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workrelief.account.SignedInUser;
import org.workrelief.backup.Backups;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.web.Downloads;

/**
 * 数据备份: the county's administrator downloads a backup taken now or a stored nightly one, streamed from the
 * database or the file (never held in memory). No {@code @PreAuthorize}: {@link Backups} refuses everyone
 * else itself, so that a refused attempt is in the audit log too (for the same reason not under {@code /admin/**},
 * which the security configuration closes to non-administrators before any controller is reached).
 */
@Controller
class BackupController {

    static final String ZIP = "application/zip";

    private final Backups backups;

    BackupController(Backups backups) {
        this.backups = backups;
    }

    @GetMapping("/backups")
    String page(@AuthenticationPrincipal SignedInUser me, Model model) {
        backups.requireCountyAdministrator(me, "page");
        model.addAttribute("stored", backups.stored());
        model.addAttribute("folder", backups.folder());
        model.addAttribute("keepDays", backups.keepDays());
        model.addAttribute("key", backups.keyLocation());
        return "backup/index";
    }

    @GetMapping("/backups/new")
    void newBackup(@AuthenticationPrincipal SignedInUser me, HttpServletResponse response) throws IOException {
        String name = backups.fileName();
        backups.requireCountyAdministrator(me, name);
        Downloads.attachment(response, ZIP, name);
        backups.download(me, name, response.getOutputStream());
    }

    @GetMapping("/backups/stored/{name}")
    void stored(@AuthenticationPrincipal SignedInUser me, @PathVariable String name, HttpServletResponse response)
            throws IOException {
        backups.requireCountyAdministrator(me, name);
        var file = backups.stored(name).orElseThrow(() -> new NotFoundException(Backups.ENTITY, name));
        Downloads.attachment(response, ZIP, name);
        response.setContentLengthLong(java.nio.file.Files.size(file));
        backups.download(me, file, response.getOutputStream());
    }
}
