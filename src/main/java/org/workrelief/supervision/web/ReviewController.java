package org.workrelief.supervision.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.web.Flash;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.Decision;
import org.workrelief.supervision.QualityResult;
import org.workrelief.supervision.ReviewChecks;
import org.workrelief.supervision.ReviewPhoto;

/** 每日核查: the review page of a project's day and the committee's steps on it. */
@Controller
class ReviewController {

    /** The checks form's values on the page: as recorded, or as typed when a save was refused. */
    static final String TYPED = "typedChecks";

    private final DailyReviewService reviews;

    ReviewController(DailyReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/projects/{projectId}/reviews/{day}")
    String page(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        DailyReviewService.ReviewPage page = reviews.page(me, projectId, day);
        model.addAttribute("page", page);
        model.addAttribute("project", page.project());
        model.addAttribute("qualityResults", QualityResult.values());
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        model.addAttribute("maxPhotos", DailyReviewService.MAX_PHOTOS);
        model.addAttribute("maxNotes", ReviewChecks.MAX_NOTES);
        // after a refused save the form shows what was typed (flash "typedChecks"), else what is recorded
        if (!model.containsAttribute(TYPED) && page.review() != null) {
            model.addAttribute(TYPED, ReviewChecks.of(page.review()));
        }
        return "supervision/review";
    }

    @PostMapping("/projects/{projectId}/reviews/{day}/open")
    String open(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
        Flash.attempt(redirect, null, () -> reviews.open(me, projectId, day));
        return back(projectId, day);
    }

    @PostMapping("/reviews/{reviewId}/decisions")
    String decide(@AuthenticationPrincipal SignedInUser me, @PathVariable long reviewId, @RequestParam long projectId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @RequestParam String anomalyKey,
            @RequestParam(required = false) Decision decision, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Flash.attempt(redirect, null, () -> reviews.decide(me, reviewId, anomalyKey, decision, reason));
        return back(projectId, day) + "#anomalies";
    }

    @PostMapping("/reviews/{reviewId}/checks")
    String checks(@AuthenticationPrincipal SignedInUser me, @PathVariable long reviewId, @RequestParam long projectId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @ModelAttribute("checks") ReviewChecks checks, BindingResult binding, HttpServletRequest request,
            RedirectAttributes redirect) {
        boolean saved = Flash.attempt(redirect, "review.checks.saved", () -> {
            if (binding.hasErrors()) {
                // only a tampered form gets here (an unknown quality or version): say which, keep the notes
                throw new BusinessRuleException(binding.hasFieldErrors("quality") ? "review.quality.required"
                        : "review.checks.invalid");
            }
            reviews.recordChecks(me, reviewId, checks);
        });
        if (!saved) {
            redirect.addFlashAttribute(TYPED, checks != null && !binding.hasErrors() ? checks : typed(request));
        }
        return back(projectId, day) + "#checks";
    }

    /** The checks as typed, read leniently from the request where they did not bind. */
    private static ReviewChecks typed(HttpServletRequest request) {
        QualityResult quality = null;
        for (QualityResult q : QualityResult.values()) {
            if (q.name().equals(request.getParameter("quality"))) {
                quality = q;
            }
        }
        return new ReviewChecks(quality, request.getParameter("qualityNotes"), ticked(request, "helmets"),
                ticked(request, "signage"), ticked(request, "slope"), ticked(request, "machinery"),
                request.getParameter("safetyNotes"), 0);
    }

    private static boolean ticked(HttpServletRequest request, String box) {
        return "true".equals(request.getParameter(box));
    }

    @PostMapping("/reviews/{reviewId}/photos")
    String addPhoto(@AuthenticationPrincipal SignedInUser me, @PathVariable long reviewId, @RequestParam long projectId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect)
            throws IOException {
        Flash.attempt(redirect, "review.photo.added", () -> {
            if (photo == null || photo.isEmpty()) {
                throw new BusinessRuleException("review.photo.empty");
            }
            if (photo.getSize() > DailyReviewService.MAX_PHOTO_BYTES) {
                throw new BusinessRuleException("review.photo.tooLarge", DailyReviewService.MAX_PHOTO_BYTES / 1024 / 1024);
            }
            reviews.addPhoto(me, reviewId, photo.getOriginalFilename(), photo.getBytes());
        });
        return back(projectId, day) + "#photos";
    }

    @PostMapping("/reviews/photos/{photoId}/remove")
    String removePhoto(@AuthenticationPrincipal SignedInUser me, @PathVariable long photoId, @RequestParam long projectId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
        Flash.attempt(redirect, null, () -> reviews.removePhoto(me, photoId));
        return back(projectId, day) + "#photos";
    }

    @GetMapping("/reviews/photos/{photoId}")
    ResponseEntity<byte[]> photo(@AuthenticationPrincipal SignedInUser me, @PathVariable long photoId) {
        ReviewPhoto photo = reviews.photo(me, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).header("X-Content-Type-Options", "nosniff")
                .body(photo.content());
    }

    @PostMapping("/reviews/{reviewId}/approve")
    String approve(@AuthenticationPrincipal SignedInUser me, @PathVariable long reviewId, @RequestParam long projectId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
        return Flash.result(redirect, "review.approved", () -> reviews.approve(me, reviewId))
                .map(approved -> back(approved.projectId(), approved.day())).orElse(back(projectId, day));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/projects/{projectId}/reviews/{day}/correct")
    String correct(@AuthenticationPrincipal SignedInUser me, @PathVariable long projectId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Flash.attempt(redirect, "review.corrected", () -> reviews.correct(me, projectId, day, reason));
        return back(projectId, day);
    }

    private static String back(long projectId, LocalDate day) {
        return "redirect:/projects/" + projectId + "/reviews/" + day;
    }
}
