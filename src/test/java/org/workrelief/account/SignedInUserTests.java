package org.workrelief.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.security.access.AccessDeniedException;

/** The services' one role check, {@link SignedInUser#require}. */
class SignedInUserTests {

    @ParameterizedTest
    @EnumSource(Role.class)
    void aUserPassesOnlyWithOneOfTheRolesAsked(Role role) {
        UserAccount account = new UserAccount("u-" + role, "某人", "{noop}x", role, null);
        org.springframework.test.util.ReflectionTestUtils.setField(account, "id", 1L);
        SignedInUser user = new SignedInUser(account, false);
        assertThatCode(() -> user.require(role)).doesNotThrowAnyException();
        assertThatCode(() -> user.require(Role.values())).doesNotThrowAnyException();
        for (Role other : Role.values()) {
            if (other != role) {
                assertThatThrownBy(() -> user.require(other)).isInstanceOf(AccessDeniedException.class);
            }
        }
        assertThatThrownBy(user::require).as("no role asked, nobody passes").isInstanceOf(AccessDeniedException.class);
    }
}
