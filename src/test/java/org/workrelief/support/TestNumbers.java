package org.workrelief.support;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.workrelief.worker.BankCardNumber;
import org.workrelief.worker.ResidentIdNumber;

/** Valid, unique-per-run resident ID and bank card numbers for tests. */
public final class TestNumbers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestNumbers() {
    }

    /** A valid ID number of someone born on {@code birth} (region 110105). */
    public static String idNumber(LocalDate birth) {
        int n = SEQUENCE.incrementAndGet();
        String first17 = "110105" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A valid ID number of a 40-year-old, different for every call in a run. */
    public static String idNumber() {
        int n = SEQUENCE.incrementAndGet();
        return idNumber(LocalDate.of(1975, 1, 1).plusDays(n));
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheck(String idNumber) {
        char right = idNumber.charAt(17);
        char wrong = right == '1' ? '2' : '1';
        return idNumber.substring(0, 17) + wrong;
    }

    public static String bankCard() {
        int n = SEQUENCE.incrementAndGet();
        String first18 = "622848" + String.format("%012d", 500000000000L + n);
        return first18 + BankCardNumber.checkDigit(first18);
    }
}
