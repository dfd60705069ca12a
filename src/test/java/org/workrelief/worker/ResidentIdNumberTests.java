package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.workrelief.common.BusinessRuleException;

class ResidentIdNumberTests {

    @ParameterizedTest
    @CsvSource({
            // published sample numbers with known check characters (GB 11643 examples)
            "11010519491231002X, 1949-12-31, FEMALE",
            "440524198001010013, 1980-01-01, MALE",
            "110105194912310029, , ", // same body as the first, wrong check character
    })
    void readsBirthDateAndSexFromAValidNumber(String number, LocalDate birth, Sex sex) {
        if (birth == null) {
            assertThatThrownBy(() -> ResidentIdNumber.parse(number)).isInstanceOfSatisfying(BusinessRuleException.class,
                    e -> assertThat(e.getMessageKey()).isEqualTo("worker.idNumber.checkCharacter"));
            return;
        }
        ResidentIdNumber id = ResidentIdNumber.parse(number);
        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.sex()).isEqualTo(sex);
    }

    @Test
    void theCheckCharacterFollowsIso7064Mod112() {
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.checkCharacter("44052419800101001")).isEqualTo('3');
    }

    @Test
    void aLowerCaseXAndSpacesAreAccepted() {
        assertThat(ResidentIdNumber.parse(" 110105 19491231 002x ").value()).isEqualTo("11010519491231002X");
    }

    @ParameterizedTest
    @CsvSource({
            "11010519491231002, worker.idNumber.length",
            "11010519491231002XX, worker.idNumber.length",
            "1101051949123100AX, worker.idNumber.format",
            "X10105194912310021, worker.idNumber.format",
            "110105194912310022, worker.idNumber.checkCharacter",
            "110105194913310021, worker.idNumber.birthDate" })
    void refusesMalformedNumbers(String number, String key) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(number)).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.getMessageKey()).isEqualTo(key));
    }

    @Test
    void refusesAnImpossibleBirthDateEvenWithAMatchingCheckCharacter() {
        String first17 = "11010519490231002"; // 31 February
        String number = first17 + ResidentIdNumber.checkCharacter(first17);
        assertThatThrownBy(() -> ResidentIdNumber.parse(number)).hasMessageContaining("worker.idNumber.birthDate");
    }

    @Test
    void ageIsCountedInWholeYears() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X");
        assertThat(id.ageOn(LocalDate.of(1965, 12, 30))).isEqualTo(15);
        assertThat(id.ageOn(LocalDate.of(1965, 12, 31))).isEqualTo(16);
    }
}
