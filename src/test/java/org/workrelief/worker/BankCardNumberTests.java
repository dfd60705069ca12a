package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BankCardNumberTests {

    @ParameterizedTest
    @ValueSource(strings = { "4111111111111111", "6222 0212 3456 7890 128", "5500005555555559", "6212262201023557228" })
    void acceptsLuhnValidNumbersOf16To19Digits(String number) {
        assertThat(BankCardNumber.parse(number)).isEqualTo(number.replace(" ", ""));
    }

    @ParameterizedTest
    @CsvSource({
            "4111111111111112, worker.bankCard.checkDigit",
            "6212262201023557227, worker.bankCard.checkDigit",
            "411111111111111, worker.bankCard.format",
            "41111111111111111111, worker.bankCard.format",
            "4111-1111-1111-111A, worker.bankCard.format" })
    void refusesWrongNumbers(String number, String key) {
        assertThatThrownBy(() -> BankCardNumber.parse(number)).hasMessageContaining(key);
    }

    @ParameterizedTest
    @ValueSource(strings = { "411111111111111", "622202123456789012" })
    void theCheckDigitMakesAValidNumber(String withoutCheck) {
        assertThat(BankCardNumber.passesLuhn(withoutCheck + BankCardNumber.checkDigit(withoutCheck))).isTrue();
    }
}
