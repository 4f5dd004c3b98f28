package com.ipledge.service.calendar;

import com.ipledge.service.calendar.WorkingDayCalendar.CalendarChange;
import com.ipledge.service.calendar.WorkingDayCalendar.Window;
import com.ipledge.service.calendar.WorkingDayCalendar.YearCalendar;
import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;

/**
 * The official working-day calendar (issue 19): the bureau enters each year's holiday arrangement (holidays and
 * 调休 working weekend days); banks read it and ask where a window of working days ends, as claim windows count.
 */
@Controller("/api/v1/calendar")
@Tag(name = "calendar")
public class WorkingDayController {
    private final WorkingDayCalendar calendar;

    public WorkingDayController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Get("/working-days")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getWorkingDayCalendar", summary = "A year's official holidays and 调休 working days")
    public YearCalendar calendar(@Nullable @QueryValue Integer year, Caller caller) {
        return calendar.calendar(year);
    }

    @Put("/working-days")
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "replaceWorkingDayCalendar",
            summary = "Enter a year's holiday arrangement (replaces the year's list; a new version, audited)")
    public YearCalendar change(@Body CalendarChange body, Caller caller) {
        return calendar.change(caller, body);
    }

    @Get("/working-day-windows")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getWorkingDayWindow",
            summary = "The last day of a window of working days counted from the day after a date")
    public Window window(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue Integer days, Caller caller) {
        return calendar.window(from, days);
    }
}
