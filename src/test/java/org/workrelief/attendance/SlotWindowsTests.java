package org.workrelief.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotWindowsTests {

    @ParameterizedTest
    @CsvSource({ "04:59:59, ", "05:00, AM", "11:59:59, AM", "12:00, PM", "20:59:59, PM", "21:00, " })
    void theDefaultWindowsIncludeTheirStartAndExcludeTheirEnd(LocalTime time, Slot expected) {
        assertThat(SlotWindows.DEFAULT.slotAt(time).orElse(null)).isEqualTo(expected);
    }

    @Test
    void aDayIsFullWithBothSignInsHalfWithOneAndAbsentWithNone() {
        assertThat(DayStatus.of(true, true)).isEqualTo(DayStatus.FULL);
        assertThat(DayStatus.of(true, false)).isEqualTo(DayStatus.HALF);
        assertThat(DayStatus.of(false, true)).isEqualTo(DayStatus.HALF);
        assertThat(DayStatus.of(false, false)).isEqualTo(DayStatus.ABSENT);
        assertThat(DayStatus.HALF.days()).isEqualByComparingTo("0.5");
    }

    @Test
    void distancesAreGreatCircleMetres() {
        // one thousandth of a degree of latitude is about 111 m
        double metres = Worksite.distanceMetres(new BigDecimal("36.805"), new BigDecimal("120.47"), new BigDecimal("36.806"),
                new BigDecimal("120.47"));
        assertThat(metres).isBetween(110.0, 112.5);
        assertThat(Worksite.isOutside(new BigDecimal("36.805"), new BigDecimal("120.47"), 100, new BigDecimal("36.806"),
                new BigDecimal("120.47"))).isTrue();
        assertThat(Worksite.isOutside(new BigDecimal("36.805"), new BigDecimal("120.47"), 120, new BigDecimal("36.806"),
                new BigDecimal("120.47"))).isFalse();
        assertThat(Worksite.isOutside(null, null, null, new BigDecimal("36.806"), new BigDecimal("120.47"))).isFalse();
    }
}
