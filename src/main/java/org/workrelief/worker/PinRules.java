package org.workrelief.worker;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.workrelief.common.BusinessRuleException;

/**
 * What a worker's PIN (确认码) may be: six digits a stranger cannot guess from the worker's papers or
 * from habit. Refused, each with its own message:
 * <ol>
 * <li>anything but exactly six digits;</li>
 * <li>one digit six times (111111);</li>
 * <li>a straight run up or down (123456, 654321, 890123);</li>
 * <li>a group of two or three digits repeated (121212, 258258);</li>
 * <li>the worker's birth year, month and day or day and month anywhere in it (1975, 0315, 1503);</li>
 * <li>six digits standing in a row in the worker's ID number or phone number.</li>
 * </ol>
 */
final class PinRules {

    static final int LENGTH = 6;

    private PinRules() {
    }

    /** Only the form: what is typed at a check is compared, never judged. */
    static String wellFormed(String typed) {
        String pin = typed == null ? "" : typed.trim();
        if (pin.length() != LENGTH || !pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BusinessRuleException("worker.pin.format");
        }
        return pin;
    }

    /** A new PIN for this worker, or the rule it breaks. */
    static String check(String typed, LocalDate birthDate, String idNumber, String phone) {
        String pin = wellFormed(typed);
        if (pin.chars().distinct().count() == 1) {
            throw new BusinessRuleException("worker.pin.sameDigits");
        }
        if (straightRun(pin)) {
            throw new BusinessRuleException("worker.pin.sequence");
        }
        if (repeatsGroup(pin, 2) || repeatsGroup(pin, 3)) {
            throw new BusinessRuleException("worker.pin.repeated");
        }
        if (birthDate != null && containsBirthDate(pin, birthDate)) {
            throw new BusinessRuleException("worker.pin.birthDate");
        }
        if ((idNumber != null && idNumber.contains(pin)) || (phone != null && phone.contains(pin))) {
            throw new BusinessRuleException("worker.pin.personalNumber");
        }
        return pin;
    }

    /** Each digit one more (or each one less) than the one before, 9 followed by 0 going up. */
    private static boolean straightRun(String pin) {
        int step = Math.floorMod(pin.charAt(1) - pin.charAt(0), 10);
        if (step != 1 && step != 9) {
            return false;
        }
        for (int i = 2; i < pin.length(); i++) {
            if (Math.floorMod(pin.charAt(i) - pin.charAt(i - 1), 10) != step) {
                return false;
            }
        }
        return true;
    }

    private static boolean repeatsGroup(String pin, int size) {
        return pin.equals(pin.substring(0, size).repeat(LENGTH / size));
    }

    private static boolean containsBirthDate(String pin, LocalDate birthDate) {
        return pin.contains(String.valueOf(birthDate.getYear()))
                || pin.contains(birthDate.format(DateTimeFormatter.ofPattern("MMdd")))
                || pin.contains(birthDate.format(DateTimeFormatter.ofPattern("ddMM")));
    }
}
