package org.workrelief.attendance.api;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import org.workrelief.attendance.Slot;

/**
 * The bodies the device API answers, as published in /v3/api-docs (their schemas are generated from
 * these records, and {@code DeviceApiContractTests} holds every answer the endpoints give against them).
 */
final class ApiAnswers {

    private ApiAnswers() {
    }

    /** The HTTP status of an answer about one sign-in (a {@link SignedIn} or a {@link Refused}). */
    static int statusOf(Object itemAnswer) {
        return itemAnswer instanceof SignedIn signedIn ? signedIn.status() : ((Refused) itemAnswer).status();
    }

    @Schema(name = "SignIn", description = "签到已保存（201）或此前已签到（200，以第一次签到为准，不再保存）。"
            + " The sign-in was stored (201), or the worker had already signed in for this half-day (200: the first"
            + " sign-in stands, nothing is stored).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SignedIn(
            @Schema(description = "批量中的序号，从 0 起（仅批量上报）。Place in the batch, from 0 (batches only).",
                    minimum = "0", example = "0") Integer index,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "本条的 HTTP 状态。The item's HTTP status.",
                    allowableValues = { "200", "201" }, example = "201") int status,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "CREATED", "ALREADY_SIGNED_IN" },
                    example = "CREATED") String result,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "给人看的说明（中文，或按 Accept-Language）。"
                    + " Text for people (Chinese, or per Accept-Language).", example = "签到成功") String message,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "JS000123") String workerCode,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "计入的工作日（项目时区）。"
                    + " The working day it counts for (project's zone).", example = "2025-06-03") LocalDate day,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "上午 AM / 下午 PM。Half-day.") Slot slot,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time", description = "保存的签到时间（重复签到时为第一次的时间），"
                    + "项目时区。The stored time (for a repeat, the first sign-in's), in the project's zone.",
                    example = "2025-06-03T07:58:00+08:00") String punchedAt,
            @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED, description = "留待每日核查的标记。"
                    + " Marks for the daily review: PM_TOO_SOON (afternoon sign-in too soon after the morning one),"
                    + " OUTSIDE_WORKSITE (away from the worksite)."),
                    schema = @Schema(allowableValues = { "PM_TOO_SOON", "OUTSIDE_WORKSITE" })) List<String> flags) {
    }

    @Schema(name = "Refusal", description = "签到被拒绝，未保存任何内容；code 为稳定代码。"
            + " The sign-in was refused and nothing was stored; code is stable for terminals.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Refused(
            @Schema(description = "批量中的序号，从 0 起（仅批量上报）。Place in the batch, from 0 (batches only).",
                    minimum = "0", example = "3") Integer index,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "本条的 HTTP 状态：400 内容缺失或超出范围，403 其他项目的务工人员，"
                    + "422 违反签到规则，500 暂时无法保存（可重试）。The item's HTTP status: 400 missing or out-of-range field,"
                    + " 403 a worker of another project, 422 refused by a rule, 500 could not be stored (retry).",
                    allowableValues = { "400", "403", "422", "500" }, example = "422") int status,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "REFUSED" }, example = "REFUSED") String result,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "稳定的拒绝代码。Stable refusal code.",
                    allowableValues = { "MISSING_FIELD", "INVALID_POSITION", "UNKNOWN_WORKER", "WORKER_OF_ANOTHER_PROJECT",
                            "NOT_YET_ENROLLED", "ENROLLMENT_LEFT", "SIGNED_IN_ON_ANOTHER_PROJECT", "NO_CONTRACT",
                            "INSURANCE_NOT_VALID", "FUTURE_TIME", "OUTSIDE_SLOT_WINDOWS", "DAY_APPROVED",
                            "PROJECT_NOT_ACTIVE", "STORAGE_ERROR" },
                    example = "INSURANCE_NOT_VALID") String code,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "意外险不在有效期内，不能签到") String message,
            @Schema(description = "请求中的工号（若有）。The worker code sent, if any.", example = "JS000123") String workerCode) {
    }

    @Schema(name = "BatchResults", description = "每条签到一个结果，顺序与请求相同。One result per sign-in, in the order sent.")
    record BatchAnswer(
            @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED), minItems = 1, maxItems = 1000,
                    schema = @Schema(oneOf = { SignedIn.class, Refused.class })) List<Object> results) {
    }

    @Schema(name = "Error", description = "整个请求未被处理。The request as a whole was not processed.")
    record ApiError(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "MALFORMED_REQUEST：不是有效的 JSON 或字段格式不对；"
                    + "BATCH_SIZE：批量不是 1 到 1000 条；UNAUTHORIZED：令牌缺失、无效或已吊销。"
                    + " MALFORMED_REQUEST: not valid JSON or a field of the wrong form; BATCH_SIZE: not 1 to 1,000 sign-ins;"
                    + " UNAUTHORIZED: token missing, unknown or revoked.",
                    allowableValues = { "MALFORMED_REQUEST", "BATCH_SIZE", "UNAUTHORIZED" }, example = "MALFORMED_REQUEST")
            String code,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "请求内容不是有效的 JSON") String message) {
    }
}
