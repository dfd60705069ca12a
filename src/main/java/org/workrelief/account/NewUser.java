package org.workrelief.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The admin form for a new account; {@code townId} null means county level (all towns). */
public record NewUser(
        @NotBlank(message = "{user.username.required}")
        @Pattern(regexp = "^[A-Za-z0-9._-]{3,64}$", message = "{user.username.pattern}") String username,
        @NotBlank(message = "{user.displayName.required}") @Size(max = 64, message = "{user.displayName.size}") String displayName,
        @NotNull(message = "{user.role.required}") Role role,
        Long townId,
        @NotBlank(message = "{password.required}") String password) {
}
