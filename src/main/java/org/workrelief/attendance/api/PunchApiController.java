package org.workrelief.attendance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workrelief.attendance.DeviceToken;
import org.workrelief.attendance.PunchRefusedException;
import org.workrelief.attendance.PunchRequest;
import org.workrelief.attendance.PunchResult;
import org.workrelief.attendance.PunchService;
import org.workrelief.attendance.PunchSource;
import org.workrelief.attendance.Slot;

/**
 * The device API for attendance terminals (face or card readers at the site gate). A terminal's
 * token belongs to one project; every sign-in goes through the same rules as the roll call.
 */
@RestController
@RequestMapping("/api/v1/punches")
class PunchApiController {

    static final int MAX_BATCH = 1000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PunchApiController.class);

    private final PunchService punches;
    private final MessageSource messages;

    PunchApiController(PunchService punches, MessageSource messages) {
        this.punches = punches;
        this.messages = messages;
    }

    /** One sign-in: {@code workerCode} and {@code punchedAt} (with offset) required, position optional. */
    record PunchBody(String workerCode, OffsetDateTime punchedAt, String deviceId, BigDecimal lat, BigDecimal lng) {
    }

    record BatchBody(List<PunchBody> punches) {
    }

    /** 201 stored, 200 already signed in, 403 a worker of another project, 422 refused by a rule. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record PunchAnswer(Integer index, int status, String result, String code, String message, String workerCode,
            LocalDate day, Slot slot, String punchedAt, List<String> flags) {
    }

    @PostMapping
    ResponseEntity<PunchAnswer> punch(@AuthenticationPrincipal DeviceToken device, @RequestBody PunchBody body) {
        PunchAnswer answer = handle(device, body, null);
        return ResponseEntity.status(answer.status()).body(answer);
    }

    @PostMapping("/batch")
    ResponseEntity<?> batch(@AuthenticationPrincipal DeviceToken device, @RequestBody BatchBody body) {
        if (body == null || body.punches() == null || body.punches().isEmpty() || body.punches().size() > MAX_BATCH) {
            return ResponseEntity.badRequest().body(Map.of("code", "BATCH_SIZE",
                    "message", message("api.batch.size", MAX_BATCH)));
        }
        List<PunchAnswer> results = new ArrayList<>(body.punches().size());
        for (int i = 0; i < body.punches().size(); i++) {
            results.add(handle(device, body.punches().get(i), i));
        }
        return ResponseEntity.ok(Map.of("results", results));
    }

    private PunchAnswer handle(DeviceToken device, PunchBody body, Integer index) {
        if (body == null || body.workerCode() == null || body.workerCode().isBlank() || body.punchedAt() == null) {
            return new PunchAnswer(index, 400, "REFUSED", "MISSING_FIELD", message("api.missingField"),
                    body == null ? null : body.workerCode(), null, null, null, List.of());
        }
        if (outOfRange(body.lat(), 90) || outOfRange(body.lng(), 180)) {
            return new PunchAnswer(index, 400, "REFUSED", "INVALID_POSITION", message("api.invalidPosition"),
                    body.workerCode(), null, null, null, List.of());
        }
        String deviceId = body.deviceId() == null || body.deviceId().isBlank() ? device.name() : body.deviceId().trim();
        try {
            PunchResult result = punches.punch(PunchRequest.byWorkerCode(device.projectId(), body.workerCode(),
                    body.punchedAt().toInstant(), PunchSource.DEVICE, truncate(deviceId), "device:" + device.name(),
                    body.lat(), body.lng()));
            return new PunchAnswer(index, result.created() ? HttpStatus.CREATED.value() : HttpStatus.OK.value(),
                    result.created() ? "CREATED" : "ALREADY_SIGNED_IN",
                    null, message(result.created() ? "punch.created" : "punch.already"), body.workerCode(), result.day(),
                    result.slot(),
                    // in the project's zone, in which its day and slot were decided
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(result.punchedAt().atZone(punches.zone())),
                    result.flags());
        }
        catch (PunchRefusedException refused) {
            return new PunchAnswer(index, refused.refusal().httpStatus(), "REFUSED", refused.refusal().name(),
                    message(refused.getMessageKey()), body.workerCode(), null, null, null, List.of());
        }
        catch (DataAccessException storageFailed) {
            // one item that cannot be stored must not block the rest of an offline terminal's backlog
            log.warn("sign-in of {} could not be stored", body.workerCode(), storageFailed);
            return new PunchAnswer(index, 500, "REFUSED", "STORAGE_ERROR", message("api.storageError"),
                    body.workerCode(), null, null, null, List.of());
        }
    }

    private static boolean outOfRange(BigDecimal degrees, int limit) {
        return degrees != null && degrees.abs().compareTo(BigDecimal.valueOf(limit)) > 0;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String truncate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64);
    }
}
