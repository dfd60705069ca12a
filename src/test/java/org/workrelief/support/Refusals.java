package org.workrelief.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import org.workrelief.common.BusinessRuleException;

/** Asserts that a use case was refused by a business rule, with its message key (and some of its arguments). */
public final class Refusals {

    private Refusals() {
    }

    public static void assertRefused(ThrowingCallable call, String key, Object... someArgs) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class, refused -> {
            assertThat(refused.getMessageKey()).isEqualTo(key);
            for (Object arg : someArgs) {
                assertThat(Arrays.toString(refused.getArgs())).contains(String.valueOf(arg));
            }
        });
    }
}
