package org.workrelief.report;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The small monthly form: the month (yyyy-MM), the investment completed and the funds disbursed in it, in yuan. */
public record ProgressForm(
        @NotBlank(message = "{report.progress.month.required}") @Pattern(regexp = "^$|^\\d{4}-\\d{2}$", message = "{report.progress.month.format}") String month,
        @NotNull(message = "{report.progress.amount.required}") @DecimalMin(value = "0", message = "{report.progress.amount.negative}")
        @Digits(integer = 12, fraction = 2, message = "{report.progress.amount.format}") BigDecimal investmentCompleted,
        @NotNull(message = "{report.progress.amount.required}") @DecimalMin(value = "0", message = "{report.progress.amount.negative}")
        @Digits(integer = 12, fraction = 2, message = "{report.progress.amount.format}") BigDecimal fundsDisbursed) {

    public static ProgressForm blank(String month) {
        return new ProgressForm(month, null, null);
    }
}
