package org.workrelief.worker;

import java.util.Objects;

/**
 * 同户: the one definition of "the same household" (rule 8: a co-worker of the payee's own household may
 * not vouch for the payee's wages). Household numbers (户号) are given by each village, so two workers are
 * of one household when both have the same non-blank number in the same village; a worker without a
 * number is nobody's household member.
 */
public final class Household {

    private Household() {
    }

    public static boolean same(String village, String householdNo, String otherVillage, String otherHouseholdNo) {
        return householdNo != null && !householdNo.isBlank() && householdNo.equals(otherHouseholdNo)
                && Objects.equals(village, otherVillage);
    }
}
