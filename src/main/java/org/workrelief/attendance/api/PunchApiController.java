package org.workrelief.attendance.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.workrelief.attendance.DeviceToken;
import org.workrelief.attendance.PunchRefusedException;
import org.workrelief.attendance.PunchRequest;
import org.workrelief.attendance.PunchResult;
import org.workrelief.attendance.PunchService;
import org.workrelief.attendance.PunchSource;
import org.workrelief.attendance.api.ApiAnswers.ApiError;
import org.workrelief.attendance.api.ApiAnswers.BatchAnswer;
import org.workrelief.attendance.api.ApiAnswers.Refused;
import org.workrelief.attendance.api.ApiAnswers.SignedIn;

/**
 * The device API for attendance terminals (face or card readers at the site gate). A terminal's
 * token belongs to one project; every sign-in goes through the same rules as the roll call. The
 * annotations are the published contract (/v3/api-docs); DeviceApiContractTests holds the answers to it.
 */
@RestController
@Tag(name = DeviceApiDocs.TAG)
class PunchApiController {

    static final int MAX_BATCH = 1000;

    static final String PUNCHES = "/api/v1/punches";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PunchApiController.class);

    private final PunchService punches;
    private final MessageSource messages;

    PunchApiController(PunchService punches, MessageSource messages) {
        this.punches = punches;
        this.messages = messages;
    }

    @Schema(name = "Punch", description = "一次签到。One sign-in.")
    record PunchBody(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "务工人员工号（工牌、人脸库中的编号）。"
                    + " The worker's code (on the badge, in the face database).", example = "JS000123") String workerCode,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "设备上的签到时间，须带时区。"
                    + " The time on the terminal, with its offset.", example = "2025-06-03T07:58:00+08:00")
            OffsetDateTime punchedAt,
            @Schema(description = "设备编号（缺省为令牌名称，最多保存 64 个字符）。"
                    + " Terminal id (default: the token's name; 64 characters are kept).", example = "gate-1") String deviceId,
            @Schema(description = "纬度。Latitude.", minimum = "-90", maximum = "90", example = "36.8124") BigDecimal lat,
            @Schema(description = "经度。Longitude.", minimum = "-180", maximum = "180", example = "120.4663") BigDecimal lng) {
    }

    @Schema(name = "PunchBatch", description = "离线设备补传的 1 到 1000 条签到。1 to 1,000 sign-ins an offline terminal sends late.")
    record BatchBody(
            @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED), minItems = 1, maxItems = MAX_BATCH)
            List<PunchBody> punches) {
    }

    @PostMapping(path = PUNCHES, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "recordSignIn", summary = "上报一次签到 · Record a sign-in",
            description = "按实名务工规则校验后保存：在册、已签合同、意外险有效、项目在建；每人每天上午、下午各一次，重复签到答 200"
                    + " 且以第一次为准。Checked by the work rules and stored: enrolled, contracted, insured, project under"
                    + " construction; one morning and one afternoon sign-in per person and day, a repeat answers 200 and"
                    + " the first one stands.",
            responses = {
                    @ApiResponse(responseCode = "201", description = "已保存。Stored.", content = @Content(
                            schema = @Schema(implementation = SignedIn.class), examples = @ExampleObject(name = "created",
                            value = "{\"status\":201,\"result\":\"CREATED\",\"message\":\"签到成功\",\"workerCode\":\"JS000123\","
                                    + "\"day\":\"2025-06-03\",\"slot\":\"AM\",\"punchedAt\":\"2025-06-03T07:58:00+08:00\",\"flags\":[]}"))),
                    @ApiResponse(responseCode = "200", description = "此前已签到，未保存。Already signed in; nothing stored.",
                            content = @Content(schema = @Schema(implementation = SignedIn.class), examples = @ExampleObject(
                            name = "repeat", value = "{\"status\":200,\"result\":\"ALREADY_SIGNED_IN\",\"message\":\"已签到，无需重复签到\","
                                    + "\"workerCode\":\"JS000123\",\"day\":\"2025-06-03\",\"slot\":\"AM\","
                                    + "\"punchedAt\":\"2025-06-03T07:58:00+08:00\",\"flags\":[]}"))),
                    @ApiResponse(responseCode = "400", description = "请求不完整或格式不对。Missing field, out-of-range position or malformed JSON.",
                            content = @Content(schema = @Schema(oneOf = { Refused.class, ApiError.class }), examples = {
                                    @ExampleObject(name = "missingField", value = "{\"status\":400,\"result\":\"REFUSED\","
                                            + "\"code\":\"MISSING_FIELD\",\"message\":\"缺少 workerCode 或 punchedAt\"}"),
                                    @ExampleObject(name = "malformed", value = "{\"code\":\"MALFORMED_REQUEST\","
                                            + "\"message\":\"punchedAt 须为带时区的时间，如 2025-06-03T07:58:00+08:00\"}") })),
                    @ApiResponse(responseCode = "401", ref = DeviceApiDocs.UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", description = "其他项目的务工人员。A worker of another project.",
                            content = @Content(schema = @Schema(implementation = Refused.class), examples = @ExampleObject(
                            name = "otherProject", value = "{\"status\":403,\"result\":\"REFUSED\",\"code\":\"WORKER_OF_ANOTHER_PROJECT\","
                                    + "\"message\":\"该务工群众不在本项目务工\",\"workerCode\":\"JS000123\"}"))),
                    @ApiResponse(responseCode = "422", description = "违反签到规则，未保存。Refused by a rule; nothing stored.",
                            content = @Content(schema = @Schema(implementation = Refused.class), examples = @ExampleObject(
                            name = "insurance", value = "{\"status\":422,\"result\":\"REFUSED\",\"code\":\"INSURANCE_NOT_VALID\","
                                    + "\"message\":\"意外险不在有效期内，不能签到\",\"workerCode\":\"JS000123\"}"))),
                    @ApiResponse(responseCode = "500", description = "暂时无法保存，可稍后重发。Could not be stored now; send it again later.",
                            content = @Content(schema = @Schema(implementation = Refused.class), examples = @ExampleObject(
                            name = "storage", value = "{\"status\":500,\"result\":\"REFUSED\",\"code\":\"STORAGE_ERROR\","
                                    + "\"message\":\"签到暂时无法保存，请稍后重试\",\"workerCode\":\"JS000123\"}"))) })
    ResponseEntity<Object> punch(@AuthenticationPrincipal DeviceToken device, @RequestBody PunchBody body) {
        Object answer = handle(device, body, null);
        return ResponseEntity.status(ApiAnswers.statusOf(answer)).body(answer);
    }

    @PostMapping(path = PUNCHES + "/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "recordSignIns", summary = "批量补传签到 · Record a batch of sign-ins",
            description = "离线设备恢复联网后补传，最多 1000 条；逐条按单次签到的规则处理，每条一个结果（status、code 与单次签到相同），"
                    + "一条失败不影响其他条。An offline terminal's backlog, up to 1,000: each sign-in is handled as a single"
                    + " one and answered in order with its own status and code; one item's refusal does not stop the rest.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "逐条结果。A result per item.", content = @Content(
                            schema = @Schema(implementation = BatchAnswer.class), examples = @ExampleObject(name = "mixed",
                            value = "{\"results\":[{\"index\":0,\"status\":201,\"result\":\"CREATED\",\"message\":\"签到成功\","
                                    + "\"workerCode\":\"JS000123\",\"day\":\"2025-06-03\",\"slot\":\"AM\","
                                    + "\"punchedAt\":\"2025-06-03T07:58:00+08:00\",\"flags\":[]},{\"index\":1,\"status\":422,"
                                    + "\"result\":\"REFUSED\",\"code\":\"INSURANCE_NOT_VALID\",\"message\":\"意外险不在有效期内，不能签到\","
                                    + "\"workerCode\":\"JS000124\"}]}"))),
                    @ApiResponse(responseCode = "400", description = "不是 1 到 1000 条，或 JSON 格式不对。Not 1 to 1,000 items, or malformed JSON.",
                            content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(
                            name = "size", value = "{\"code\":\"BATCH_SIZE\",\"message\":\"每批 1 到 1000 条签到记录\"}"))),
                    @ApiResponse(responseCode = "401", ref = DeviceApiDocs.UNAUTHORIZED) })
    ResponseEntity<?> batch(@AuthenticationPrincipal DeviceToken device, @RequestBody BatchBody body) {
        if (body == null || body.punches() == null || body.punches().isEmpty() || body.punches().size() > MAX_BATCH) {
            return ResponseEntity.badRequest().body(new ApiError("BATCH_SIZE", message("api.batch.size", MAX_BATCH)));
        }
        List<Object> results = new ArrayList<>(body.punches().size());
        for (int i = 0; i < body.punches().size(); i++) {
            results.add(handle(device, body.punches().get(i), i));
        }
        return ResponseEntity.ok(new BatchAnswer(results));
    }

    /** Behind the same token check as the sign-ins, does nothing: what a terminal's round trip costs without them. */
    @GetMapping("/api/v1/ping")
    @Operation(operationId = "ping", summary = "检查令牌与连通 · Check the token and the connection",
            description = "不做任何事：令牌有效即答 204。设备可用它检查网络和令牌。Does nothing: answers 204 when the token is"
                    + " live. Terminals may use it to check the network and their token.",
            responses = {
                    @ApiResponse(responseCode = "204", description = "令牌有效。The token is live."),
                    @ApiResponse(responseCode = "401", ref = DeviceApiDocs.UNAUTHORIZED) })
    ResponseEntity<Void> ping() {
        return ResponseEntity.noContent().build();
    }

    /** A {@link SignedIn} or a {@link Refused}. */
    private Object handle(DeviceToken device, PunchBody body, Integer index) {
        if (body == null || body.workerCode() == null || body.workerCode().isBlank() || body.punchedAt() == null) {
            return new Refused(index, 400, "REFUSED", "MISSING_FIELD", message("api.missingField"),
                    body == null ? null : body.workerCode());
        }
        if (outOfRange(body.lat(), 90) || outOfRange(body.lng(), 180)) {
            return new Refused(index, 400, "REFUSED", "INVALID_POSITION", message("api.invalidPosition"),
                    body.workerCode());
        }
        String deviceId = body.deviceId() == null || body.deviceId().isBlank() ? device.name() : body.deviceId().trim();
        try {
            PunchResult result = punches.punch(PunchRequest.byWorkerCode(device.projectId(), body.workerCode(),
                    body.punchedAt().toInstant(), PunchSource.DEVICE, truncate(deviceId), "device:" + device.name(),
                    body.lat(), body.lng()));
            return new SignedIn(index, result.created() ? HttpStatus.CREATED.value() : HttpStatus.OK.value(),
                    result.created() ? "CREATED" : "ALREADY_SIGNED_IN",
                    message(result.created() ? "punch.created" : "punch.already"), body.workerCode(), result.day(),
                    result.slot(),
                    // in the project's zone, in which its day and slot were decided
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(result.punchedAt().atZone(punches.zone())),
                    result.flags());
        }
        catch (PunchRefusedException refused) {
            return new Refused(index, refused.refusal().httpStatus(), "REFUSED", refused.refusal().name(),
                    message(refused.getMessageKey()), body.workerCode());
        }
        catch (DataAccessException storageFailed) {
            // one item that cannot be stored must not block the rest of an offline terminal's backlog
            log.warn("sign-in of {} could not be stored", body.workerCode(), storageFailed);
            return new Refused(index, 500, "REFUSED", "STORAGE_ERROR", message("api.storageError"), body.workerCode());
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
