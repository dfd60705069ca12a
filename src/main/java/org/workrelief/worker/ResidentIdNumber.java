package org.workrelief.worker;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

import org.workrelief.common.BusinessRuleException;

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence whose last
 * digit is odd for men, and a check character computed ISO 7064 MOD 11-2 ({@code X} stands for 10).
 * Birth date and sex are read from the number, never typed.
 */
public record ResidentIdNumber(String value, LocalDate birthDate, Sex sex) {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK_CHARACTERS = "10X98765432";

    /** Parses a typed number (spaces ignored, lower-case x accepted) or says which rule it breaks. */
    public static ResidentIdNumber parse(String typed) {
        String number = typed == null ? "" : typed.replace(" ", "").trim().toUpperCase();
        if (number.length() != 18) {
            throw new BusinessRuleException("worker.idNumber.length");
        }
        if (!number.matches("\\d{17}[\\dX]")) {
            throw new BusinessRuleException("worker.idNumber.format");
        }
        if (number.charAt(17) != checkCharacter(number.substring(0, 17))) {
            throw new BusinessRuleException("worker.idNumber.checkCharacter");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        }
        catch (DateTimeException e) {
            throw new BusinessRuleException("worker.idNumber.birthDate");
        }
        if (birthDate.getYear() < 1900) {
            throw new BusinessRuleException("worker.idNumber.birthDate");
        }
        Sex sex = (number.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new ResidentIdNumber(number, birthDate, sex);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }
}
