package com.ipledge.service.calendar;

/** How a day differs from its weekday: off on a weekday (or a weekend day named in the arrangement), or worked on a weekend. */
public enum WorkingDayKind {
    HOLIDAY,
    WORKING_DAY
}
