package org.workrelief.common.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How every page shows an amount of money: yuan with thousands separators and two decimals, the same in
 * Chinese and English ({@code 1,610,000.00}). Templates call it as {@code ${@money.format(amount)}}.
 */
@Component("money")
public class MoneyFormat {

    /** {@code 1,610,000.00}; an unknown amount as a dash. */
    public String format(BigDecimal amount) {
        return amount == null ? "—" : String.format(Locale.ROOT, "%,.2f", amount);
    }
}
