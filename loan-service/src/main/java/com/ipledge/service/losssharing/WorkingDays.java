package com.ipledge.service.losssharing;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Claim windows count working days: Monday to Friday. The service keeps no public-holiday calendar yet, so a window
 * spanning a holiday (or a 调休 make-up Saturday) is counted as if it were an ordinary week.
 */
final class WorkingDays {
    private WorkingDays() {
    }

    /** The day {@code days} working days after {@code from} (a window of 10 from a Friday ends on the second Friday after). */
    static LocalDate after(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}
