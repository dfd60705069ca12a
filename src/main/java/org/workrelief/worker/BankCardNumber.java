package org.workrelief.worker;

import org.workrelief.common.BusinessRuleException;

/** A bank card number: 16 to 19 digits with a valid Luhn check digit. */
public final class BankCardNumber {

    private BankCardNumber() {
    }

    /** The card number without spaces, or the rule it breaks. */
    public static String parse(String typed) {
        String number = typed == null ? "" : typed.replace(" ", "").replace("-", "").trim();
        if (!number.matches("\\d{16,19}")) {
            throw new BusinessRuleException("worker.bankCard.format");
        }
        if (!passesLuhn(number)) {
            throw new BusinessRuleException("worker.bankCard.checkDigit");
        }
        return number;
    }

    public static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The Luhn check digit for a number without it. */
    public static char checkDigit(String withoutCheck) {
        for (char c = '0'; c <= '9'; c++) {
            if (passesLuhn(withoutCheck + c)) {
                return c;
            }
        }
        throw new IllegalStateException();
    }
}
