package org.workrelief.complaint;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** A complaint's deadline: so many working days (Monday to Friday) after the day it was accepted. */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static LocalDate after(LocalDate accepted, int workingDays) {
        LocalDate day = accepted;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}
