package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one household rule (rule 8's "not of the payee's own household"), {@link Household#same}. "-" is none. */
class HouseholdTests {

    @ParameterizedTest(name = "{0}/{1} and {2}/{3} -> {4}")
    @CsvSource({
            "前埠村, H001, 前埠村, H001, true",
            "前埠村, H001, 前埠村, H002, false",
            // household numbers are given per village: the same number in another village is another family
            "前埠村, H001, 后埠村, H001, false",
            // without a number a worker is nobody's household member, not everybody's
            "前埠村, -,    前埠村, -,    false",
            "前埠村, '  ', 前埠村, '  ', false",
            "前埠村, H001, 前埠村, -,    false",
            "前埠村, -,    前埠村, H001, false"
    })
    void twoWorkersAreOneHouseholdOnlyWithTheSameNumberInTheSameVillage(String village, String householdNo,
            String otherVillage, String otherHouseholdNo, boolean same) {
        assertThat(Household.same(village, none(householdNo), otherVillage, none(otherHouseholdNo))).isEqualTo(same);
    }

    private static String none(String text) {
        return "-".equals(text) ? null : text;
    }
}
