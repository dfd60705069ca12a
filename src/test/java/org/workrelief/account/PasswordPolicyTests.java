package org.workrelief.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.workrelief.common.BusinessRuleException;

class PasswordPolicyTests {

    @ParameterizedTest
    @CsvSource({
            "wang.wu, short9chr, password.tooShort",
            "wang.wu, '', password.tooShort",
            "wang.wu.longname, wang.wu.longname, password.equalsUsername",
            "Wang.Wu.Longname, wang.wu.longname, password.equalsUsername" })
    void refuses(String username, String password, String key) {
        assertThatThrownBy(() -> PasswordPolicy.check(username, password))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.getMessageKey()).isEqualTo(key));
    }

    @ParameterizedTest
    @CsvSource({ "wang.wu, tenchars10", "wang.wu, 姜山镇以工代赈项目2025" })
    void acceptsTenCharactersThatAreNotTheUsername(String username, String password) {
        assertThatCode(() -> PasswordPolicy.check(username, password)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({ "wang.wu" })
    void refusesMoreThan128Characters(String username) {
        assertThatThrownBy(() -> PasswordPolicy.check(username, "x".repeat(129)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("password.tooLong");
    }
}
