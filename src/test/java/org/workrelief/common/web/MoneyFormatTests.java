package org.workrelief.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyFormatTests {

    private final MoneyFormat money = new MoneyFormat();

    @Test
    void amountsHaveThousandsSeparatorsAndTwoDecimals() {
        assertThat(money.format(new BigDecimal("1610000"))).isEqualTo("1,610,000.00");
        assertThat(money.format(new BigDecimal("3120.5"))).isEqualTo("3,120.50");
        assertThat(money.format(new BigDecimal("780.00"))).isEqualTo("780.00");
        assertThat(money.format(new BigDecimal("0"))).isEqualTo("0.00");
        assertThat(money.format(new BigDecimal("-1234.56"))).isEqualTo("-1,234.56");
        assertThat(money.format(null)).isEqualTo("—");
    }
}
