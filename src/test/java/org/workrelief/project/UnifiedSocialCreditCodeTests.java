package org.workrelief.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTests {

    @ParameterizedTest
    // the first is the standard's widely quoted example
    @ValueSource(strings = { "91350100M000100Y43", "91370285MA3CXKQ2LR" })
    void acceptsCodesWithTheRightCheckCharacter(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "91350100M000100Y44", "91350100M000100Y4", "91350100M000100Y433", "91350100I000100Y43",
            "91350100m000100Y43", "" })
    void refusesAWrongCheckCharacterLengthOrLetter(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
    }
}
