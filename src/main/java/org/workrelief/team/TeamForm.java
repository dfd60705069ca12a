package org.workrelief.team;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The form for a team; the day rate is in yuan with at most 2 decimals. */
public record TeamForm(
        @NotBlank(message = "{team.name.required}") @Size(max = 64, message = "{field.tooLong}") String name,
        @NotNull(message = "{team.skillType.required}") SkillType skillType,
        @NotNull(message = "{team.dayRate.required}") @Digits(integer = 6, fraction = 2, message = "{money.format}") BigDecimal dayRate,
        @Size(max = 500, message = "{field.tooLong}") String notes,
        long version) {

    public static TeamForm blank() {
        return new TeamForm("", SkillType.EXCAVATION, null, "", 0);
    }
}
