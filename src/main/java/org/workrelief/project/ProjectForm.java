package org.workrelief.project;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The form for creating or editing a project; money in yuan with at most 2 decimals. */
public record ProjectForm(
        @NotBlank(message = "{project.code.required}") @Pattern(regexp = "^[A-Za-z0-9-]{3,32}$", message = "{project.code.pattern}") String code,
        @NotBlank(message = "{project.name.required}") @Size(max = 200, message = "{field.tooLong}") String name,
        @NotNull(message = "{project.town.required}") Long townId,
        @NotBlank(message = "{project.villages.required}") @Size(max = 200, message = "{field.tooLong}") String villages,
        @Size(max = 300, message = "{field.tooLong}") String location,
        @DecimalMin(value = "-90", message = "{project.latitude.range}") @DecimalMax(value = "90", message = "{project.latitude.range}") BigDecimal latitude,
        @DecimalMin(value = "-180", message = "{project.longitude.range}") @DecimalMax(value = "180", message = "{project.longitude.range}") BigDecimal longitude,
        @Min(value = 10, message = "{project.radius.range}") @Max(value = 100000, message = "{project.radius.range}") Integer radiusMetres,
        @NotBlank(message = "{project.entity.name.required}") @Size(max = 200, message = "{field.tooLong}") String entityName,
        @NotNull(message = "{project.entity.kind.required}") EntityKind entityKind,
        @NotBlank(message = "{project.entity.creditCode.required}") String entityCreditCode,
        @NotNull(message = "{project.contractingMode.required}") ContractingMode contractingMode,
        LocalDate councilResolutionDate,
        @Size(max = 100, message = "{field.tooLong}") String councilResolutionRef,
        @Size(max = 100, message = "{field.tooLong}") String townApprovalRef,
        @NotNull(message = "{money.required}") @PositiveOrZero(message = "{money.notNegative}") @Digits(integer = 12, fraction = 2, message = "{money.format}") BigDecimal centralFunds,
        @NotNull(message = "{money.required}") @PositiveOrZero(message = "{money.notNegative}") @Digits(integer = 12, fraction = 2, message = "{money.format}") BigDecimal localFunds,
        @NotNull(message = "{money.required}") @PositiveOrZero(message = "{money.notNegative}") @Digits(integer = 12, fraction = 2, message = "{money.format}") BigDecimal socialCapital,
        @NotNull(message = "{money.required}") @PositiveOrZero(message = "{money.notNegative}") @Digits(integer = 12, fraction = 2, message = "{money.format}") BigDecimal plannedRemuneration,
        @NotNull(message = "{count.required}") @PositiveOrZero(message = "{count.notNegative}") Integer plannedWorkers,
        @NotNull(message = "{count.required}") @PositiveOrZero(message = "{count.notNegative}") Integer plannedTrainees,
        @PositiveOrZero(message = "{money.notNegative}") @Digits(integer = 12, fraction = 2, message = "{money.format}") BigDecimal incomeTargetPerWorker,
        LocalDate startDate,
        LocalDate plannedCompletion,
        LocalDate actualCompletion,
        // 项目公示牌 (issue 20 §6): optional, public
        @Size(max = 1000, message = "{field.tooLong}") String scaleContent,
        @Size(max = 200, message = "{field.tooLong}") String builderName,
        @Size(max = 200, message = "{field.tooLong}") String supervisionUnit,
        @Pattern(regexp = "^[0-9０-９()（）+\\- 转、,，/]{0,32}$", message = "{project.supervisionPhone.pattern}") String supervisionPhone,
        // 劳务报酬占比 (issue 20 §1): the approval document's figures and the fund batch
        @Size(max = 100, message = "{field.tooLong}") String approvalRef,
        LocalDate approvalDate,
        @DecimalMin(value = "0", inclusive = false, message = "{project.approvedShare.range}") @DecimalMax(value = "100", message = "{project.approvedShare.range}") @Digits(integer = 3, fraction = 2, message = "{project.approvedShare.range}") BigDecimal approvedSharePercent,
        FundBatchKind fundBatchKind,
        long version) {

    /**
     * The form without the sign board's fields (they stay empty) and without the approval's figures (the
     * approved share is the town's or county's default, regular funds): for callers that do not set them.
     */
    public ProjectForm(String code, String name, Long townId, String villages, String location, BigDecimal latitude,
            BigDecimal longitude, Integer radiusMetres, String entityName, EntityKind entityKind, String entityCreditCode,
            ContractingMode contractingMode, LocalDate councilResolutionDate, String councilResolutionRef,
            String townApprovalRef, BigDecimal centralFunds, BigDecimal localFunds, BigDecimal socialCapital,
            BigDecimal plannedRemuneration, Integer plannedWorkers, Integer plannedTrainees,
            BigDecimal incomeTargetPerWorker, LocalDate startDate, LocalDate plannedCompletion,
            LocalDate actualCompletion, long version) {
        this(code, name, townId, villages, location, latitude, longitude, radiusMetres, entityName, entityKind,
                entityCreditCode, contractingMode, councilResolutionDate, councilResolutionRef, townApprovalRef,
                centralFunds, localFunds, socialCapital, plannedRemuneration, plannedWorkers, plannedTrainees,
                incomeTargetPerWorker, startDate, plannedCompletion, actualCompletion, null, null, null, null,
                null, null, null, FundBatchKind.REGULAR, version);
    }

    /** The same form with the sign board's fields set. */
    public ProjectForm withSignBoard(String scaleContent, String builderName, String supervisionUnit,
            String supervisionPhone) {
        return new ProjectForm(code, name, townId, villages, location, latitude, longitude, radiusMetres, entityName,
                entityKind, entityCreditCode, contractingMode, councilResolutionDate, councilResolutionRef,
                townApprovalRef, centralFunds, localFunds, socialCapital, plannedRemuneration, plannedWorkers,
                plannedTrainees, incomeTargetPerWorker, startDate, plannedCompletion, actualCompletion, scaleContent,
                builderName, supervisionUnit, supervisionPhone, approvalRef, approvalDate, approvedSharePercent,
                fundBatchKind, version);
    }

    /** This form with the approval document's figures (批复文号, date, approved share) and the fund batch. */
    public ProjectForm withApproval(String ref, LocalDate date, BigDecimal sharePercent, FundBatchKind kind) {
        return new ProjectForm(code, name, townId, villages, location, latitude, longitude, radiusMetres, entityName,
                entityKind, entityCreditCode, contractingMode, councilResolutionDate, councilResolutionRef,
                townApprovalRef, centralFunds, localFunds, socialCapital, plannedRemuneration, plannedWorkers,
                plannedTrainees, incomeTargetPerWorker, startDate, plannedCompletion, actualCompletion, scaleContent,
                builderName, supervisionUnit, supervisionPhone, ref, date, sharePercent, kind, version);
    }

    /** This form with the actual completion date entered, everything else as it was saved. */
    public ProjectForm withActualCompletion(LocalDate finished) {
        return new ProjectForm(code, name, townId, villages, location, latitude, longitude, radiusMetres, entityName,
                entityKind, entityCreditCode, contractingMode, councilResolutionDate, councilResolutionRef,
                townApprovalRef, centralFunds, localFunds, socialCapital, plannedRemuneration, plannedWorkers,
                plannedTrainees, incomeTargetPerWorker, startDate, plannedCompletion, finished, scaleContent,
                builderName, supervisionUnit, supervisionPhone, approvalRef, approvalDate, approvedSharePercent,
                fundBatchKind, version);
    }

    public static ProjectForm blank(Long townId) {
        return new ProjectForm("", "", townId, "", "", null, null, null, "", EntityKind.VILLAGE_COLLECTIVE_COMPANY, "",
                ContractingMode.DIRECT, null, "", "", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                0, 0, null, null, null, null, null, null, null, null, "", null, null, FundBatchKind.REGULAR, 0);
    }
}
