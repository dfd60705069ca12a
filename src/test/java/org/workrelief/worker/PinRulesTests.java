package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.workrelief.common.BusinessRuleException;

/** What a worker's PIN may not be, each refusal with its own message; the rest is accepted. */
class PinRulesTests {

    static final LocalDate BORN = LocalDate.of(1975, 3, 15);
    static final String ID_NUMBER = "370285197503152417";
    static final String PHONE = "13964827713";

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
            "12345, worker.pin.format", "1234567, worker.pin.format", "12a456, worker.pin.format", "'', worker.pin.format",
            "111111, worker.pin.sameDigits", "000000, worker.pin.sameDigits",
            "123456, worker.pin.sequence", "654321, worker.pin.sequence", "890123, worker.pin.sequence",
            "210987, worker.pin.sequence",
            "121212, worker.pin.repeated", "258258, worker.pin.repeated",
            "197588, worker.pin.birthDate", "031588, worker.pin.birthDate", "750315, worker.pin.birthDate",
            "150375, worker.pin.birthDate", "881975, worker.pin.birthDate",
            "152417, worker.pin.personalNumber", "964827, worker.pin.personalNumber", "370285, worker.pin.personalNumber" })
    void refuses(String pin, String rule) {
        assertThatThrownBy(() -> PinRules.check(pin, BORN, ID_NUMBER, PHONE))
                .isInstanceOfSatisfying(BusinessRuleException.class, refused -> assertThat(refused.getMessageKey()).isEqualTo(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = { "583071", "258001", "602417", "124578", "135790", "112233", "987653" })
    void accepts(String pin) {
        assertThat(PinRules.check(pin, BORN, ID_NUMBER, PHONE)).isEqualTo(pin);
    }
}
