package org.workrelief.worker;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.workrelief.common.BusinessRuleException;

/**
 * The checks on a worker's typed fields, shared by the registration form and the roster import so
 * that both refuse exactly the same things.
 */
final class WorkerChecks {

    static final int MINIMUM_AGE = 16;

    /** Han characters, with the middle dot of minority names (·, •, ・) between parts; 2 to 30 characters. */
    private static final Pattern CHINESE_NAME = Pattern.compile("^\\p{IsHan}+([·•・．]\\p{IsHan}+)*$");
    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");

    private WorkerChecks() {
    }

    static String name(String typed) {
        String name = typed == null ? "" : typed.trim().replace('．', '·');
        if (name.isEmpty()) {
            throw new BusinessRuleException("worker.name.required");
        }
        if (name.length() < 2 || name.length() > 30 || !CHINESE_NAME.matcher(name).matches()) {
            throw new BusinessRuleException("worker.name.format");
        }
        return name;
    }

    static String phone(String typed) {
        String phone = blankToNull(typed);
        if (phone != null && !MOBILE.matcher(phone).matches()) {
            throw new BusinessRuleException("worker.phone.format");
        }
        return phone;
    }

    /** Under 16 is refused (child labour); the upper limit is only a warning, decided by the caller. */
    static void minimumAge(ResidentIdNumber id, LocalDate today) {
        if (id.birthDate().isAfter(today)) {
            throw new BusinessRuleException("worker.idNumber.birthDate");
        }
        if (id.ageOn(today) < MINIMUM_AGE) {
            throw new BusinessRuleException("worker.age.tooYoung", MINIMUM_AGE);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
