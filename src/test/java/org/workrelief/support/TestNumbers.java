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
        return idNumber(birth, SEQUENCE.incrementAndGet() % 1000);
    }

    /** A valid ID number of an adult born 1960-1998, different for every call in a run (up to millions). */
    public static String idNumber() {
        int n = SEQUENCE.incrementAndGet();
        return idNumber(LocalDate.of(1960, 1, 1).plusDays(n % 14_000), (n / 14_000) % 1000);
    }

    private static String idNumber(LocalDate birth, int sequence) {
        String first17 = "110105" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheck(String idNumber) {
        char right = idNumber.charAt(17);
        char wrong = right == '1' ? '2' : '1';
        return idNumber.substring(0, 17) + wrong;
    }

    /** A mobile number, different for every call in a run (so fixture workers share no phone). */
    public static String phone() {
        return "139" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000);
    }

    public static String bankCard() {
        int n = SEQUENCE.incrementAndGet();
        String first18 = "622848" + String.format("%012d", 500000000000L + n);
        return first18 + BankCardNumber.checkDigit(first18);
    }
}
