package org.workrelief.account;

import jakarta.validation.constraints.NotBlank;

/** A user's own password change: the current one proves it is them, the repeat catches a typo. */
public record PasswordChange(
        @NotBlank(message = "{password.required}") String currentPassword,
        @NotBlank(message = "{password.required}") String newPassword,
        @NotBlank(message = "{password.required}") String confirmPassword) {

    public static PasswordChange blank() {
        return new PasswordChange("", "", "");
    }
}
