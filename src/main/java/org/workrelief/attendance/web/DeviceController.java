package org.workrelief.attendance.web;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.attendance.AttendanceSettings;
import org.workrelief.attendance.DeviceTokenService;
import org.workrelief.attendance.SlotWindows;
import org.workrelief.common.web.Flash;
import org.workrelief.project.ProjectService;

/** 考勤设备与时段: administrators issue and revoke terminal tokens and set the sign-in windows. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class DeviceController {

    private final DeviceTokenService tokens;
    private final AttendanceSettings settings;
    private final ProjectService projects;

    DeviceController(DeviceTokenService tokens, AttendanceSettings settings, ProjectService projects) {
        this.tokens = tokens;
        this.settings = settings;
        this.projects = projects;
    }

    @GetMapping("/projects/{projectId}/devices")
    String list(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, Model model) {
        model.addAttribute("project", projects.get(me, projectId));
        model.addAttribute("tokens", tokens.tokensOf(me, projectId));
        model.addAttribute("windows", settings.windowsOf(projectId));
        return "attendance/devices";
    }

    @PostMapping("/projects/{projectId}/devices")
    String issue(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, @RequestParam String name,
            RedirectAttributes redirect) {
        Flash.result(redirect, null, () -> tokens.issue(me, projectId, name)).ifPresent(issued -> {
            redirect.addFlashAttribute("issuedToken", issued.plainToken());
            redirect.addFlashAttribute("issuedName", issued.token().name());
        });
        return "redirect:/projects/" + projectId + "/devices";
    }

    @PostMapping("/projects/{projectId}/devices/{tokenId}/revoke")
    String revoke(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId, @PathVariable long tokenId,
            RedirectAttributes redirect) {
        tokens.revoke(me, tokenId);
        Flash.success(redirect, "device.revoked");
        return "redirect:/projects/" + projectId + "/devices";
    }

    @PostMapping("/projects/{projectId}/attendance/windows")
    String windows(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime amStart,
            @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime amEnd,
            @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime pmStart,
            @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime pmEnd, @RequestParam int minGapMinutes,
            RedirectAttributes redirect) {
        projects.get(me, projectId);
        Flash.attempt(redirect, "attendance.windows.saved", () -> settings.change(projectId,
                new SlotWindows(amStart, amEnd, pmStart, pmEnd, Duration.ofMinutes(minGapMinutes)), me.getUsername()));
        return "redirect:/projects/" + projectId + "/devices";
    }
}
