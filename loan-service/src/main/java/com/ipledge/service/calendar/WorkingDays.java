package com.ipledge.service.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are working days: Monday to Friday, less the official holidays, plus the weekend days made working days
 * (调休). Where the bureau has entered no calendar for a year, that year counts Monday to Friday.
 */
public final class WorkingDays {
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekendDays;

    public WorkingDays(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {
        this.holidays = Set.copyOf(holidays);
        this.workingWeekendDays = Set.copyOf(workingWeekendDays);
    }

    public boolean isWorkingDay(LocalDate d) {
        if (holidays.contains(d)) {
            return false;
        }
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend || workingWeekendDays.contains(d);
    }

    /**
     * The day {@code days} working days after {@code from} (in an ordinary fortnight a window of 10 from a Friday
     * ends on the second Friday after).
     */
    public LocalDate after(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}
