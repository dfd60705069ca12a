package org.workrelief.report;

import java.time.LocalDate;
import java.time.YearMonth;

/** 报告期: one month, or the year to the end of a month (1月至本月). */
public record Period(YearMonth month, boolean yearToDate) {

    public LocalDate from() {
        return yearToDate ? month.atDay(1).withDayOfYear(1) : month.atDay(1);
    }

    public LocalDate to() {
        return month.atEndOfMonth();
    }

    /** 2025年5月, or 2025年1—5月 for the year to date (the report is in Chinese). */
    public String chineseLabel() {
        return yearToDate && month.getMonthValue() > 1
                ? month.getYear() + "年1—" + month.getMonthValue() + "月"
                : month.getYear() + "年" + month.getMonthValue() + "月";
    }

    /** For file names: 2025-05 or 2025-01至05. */
    public String fileLabel() {
        return yearToDate ? month.getYear() + "-01至" + String.format("%02d", month.getMonthValue()) : month.toString();
    }
}
