package org.workrelief.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.workrelief.account.AccountService;
import org.workrelief.common.time.ApplicationClock;
import org.workrelief.project.Project;
import org.workrelief.report.ProgressForm;
import org.workrelief.report.ProgressService;

/**
 * The reference project's 进度月报: investment completed and funds disbursed month by month (5.8 million
 * yuan in all: central 4 million, local 0.5, social capital 1.3), each month's figures entered by the
 * town's finance officer on the 5th of the next month, the last disbursement after the acceptance.
 */
final class DemoProgress {

    private static final String[][] MONTHS = {
            // month of the build year, investment completed, funds disbursed
            { "3", "1450000.00", "1160000.00" },
            { "4", "2030000.00", "1740000.00" },
            { "5", "1740000.00", "1740000.00" },
            { "6", "580000.00", "870000.00" },
            { "9", "0.00", "290000.00" } };

    private DemoProgress() {
    }

    static void enter(ProgressService progress, AccountService accounts, ApplicationClock clock, Project reference) {
        int year = reference.getStartDate().getYear();
        for (String[] month : MONTHS) {
            YearMonth ym = YearMonth.of(year, Integer.parseInt(month[0]));
            LocalDate entered = ym.plusMonths(1).atDay(5);
            clock.replayAt(entered.atTime(10, 0), () -> progress.record(accounts.principalOf("js-finance"), reference.getId(),
                    new ProgressForm(ym.toString(), new BigDecimal(month[1]), new BigDecimal(month[2]))));
        }
    }
}
