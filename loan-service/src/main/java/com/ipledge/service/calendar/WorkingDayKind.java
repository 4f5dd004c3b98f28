package com.ipledge.service.calendar;

/**
 * How a day differs from its weekday: off (a weekday, or a weekend day the arrangement names), or worked on a
 * weekend (调休上班).
 */
public enum WorkingDayKind {
    HOLIDAY,
    WORKING_DAY
}
