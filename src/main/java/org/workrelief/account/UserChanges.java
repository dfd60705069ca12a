package org.workrelief.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The admin form for changing an account; {@code version} guards against overwriting someone else's edit. */
public record UserChanges(
        @NotBlank(message = "{user.displayName.required}") @Size(max = 64, message = "{user.displayName.size}") String displayName,
        @NotNull(message = "{user.role.required}") Role role,
        Long townId,
        boolean enabled,
        long version) {

    public static UserChanges of(UserAccount user) {
        return new UserChanges(user.getDisplayName(), user.getRole(), user.getTownId(), user.isEnabled(),
                user.getVersion());
    }
}
