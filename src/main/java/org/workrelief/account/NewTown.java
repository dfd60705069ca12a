package org.workrelief.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The form for a new town: a short code (used in project codes) and its Chinese name. */
public record NewTown(
        @NotBlank(message = "{town.code.required}") @Pattern(regexp = "^[A-Za-z0-9-]{2,12}$", message = "{town.code.pattern}") String code,
        @NotBlank(message = "{town.name.required}") @Size(max = 64, message = "{town.name.size}") String name) {

    public static NewTown blank() {
        return new NewTown("", "");
    }
}
