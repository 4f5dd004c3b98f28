package com.ipledge.service.calendar;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official working-day calendar (the State Council's yearly holiday arrangement, 放假调休), kept by the bureau
 * one year at a time: the holidays, and the weekend days that are working days. A change replaces the year's list,
 * raises its version and is audited with the whole list, so every earlier version can be read back from the audit
 * chain. Claim windows ({@link #after}) count the working days it defines.
 */
@Singleton
public class WorkingDayCalendar {
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_DAYS = 100;
    static final int MAX_WINDOW = 1000;
    static final int NAME_LENGTH = 100;
    static final int SOURCE_LENGTH = 500;

    private final WorkingDayRepository repo;
    private final AuditLog audit;
    private final Clock clock;

    public WorkingDayCalendar(WorkingDayRepository repo, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    @Introspected
    public record Day(LocalDate date, String name) {
    }

    /** One year's calendar; {@code workingDays} are the weekend days worked (调休上班). */
    @Introspected
    public record YearCalendar(int year, int version, String source, List<Day> holidays, List<Day> workingDays,
                               String changedBy, OffsetDateTime changedAt) {
    }

    @Introspected
    public record CalendarChange(@Nullable Integer year, @Nullable String source, @Nullable List<Day> holidays,
                                 @Nullable List<Day> workingDays) {
    }

    /**
     * The last day of a window of {@code days} working days counted from the day after {@code from}; {@code
     * official}: every year it spans has its official calendar entered (else those years count Monday to Friday).
     */
    @Introspected
    public record Window(LocalDate from, int workingDays, LocalDate endsOn, boolean official) {
    }

    public YearCalendar calendar(@Nullable Integer year) {
        if (year == null) {
            throw InvalidInput.of("year", "is required");
        }
        return repo.calendar(year).filter(c -> c.version() > 0)
                .orElseThrow(() -> NotFound.of("working-day calendar of " + year));
    }

    /** The day {@code days} working days after {@code from}, by the calendars the bureau has entered. */
    public LocalDate after(LocalDate from, int days) {
        // a window of n working days spans at most n / 5 weeks plus the longest holidays: three times n plus a month
        // covers any arrangement the State Council has made; a calendar entered with more holidays widens the read
        long span = days * 3L + 31;
        while (true) {
            LocalDate to = from.plusDays(span);
            WorkingDays calendar = new WorkingDays(Set.copyOf(repo.between(from, to, WorkingDayKind.HOLIDAY)),
                    Set.copyOf(repo.between(from, to, WorkingDayKind.WORKING_DAY)));
            LocalDate end = calendar.after(from, days);
            if (!end.isAfter(to)) {
                return end;
            }
            if (span > 3 * 366) {
                throw Conflict.of("working-day-calendar-unbounded", "A window of " + days + " working days from "
                        + from + " finds no end within three years: the calendars entered have more holidays than "
                        + "working days.");
            }
            span *= 2;
        }
    }

    /**
     * Whether the bureau has entered the calendar of every year from {@code from} to {@code to}; a year without one
     * counts Monday to Friday, which is not the official count.
     */
    public boolean official(LocalDate from, LocalDate to) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (repo.calendar(year).filter(c -> c.version() > 0).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    public Window window(@Nullable LocalDate from, @Nullable Integer days) {
        FieldErrors errors = new FieldErrors();
        if (from == null) {
            errors.add("from", "is required");
        } else if (from.getYear() < MIN_YEAR || from.getYear() > MAX_YEAR) {
            errors.add("from", "must be in the years " + MIN_YEAR + " to " + MAX_YEAR);
        }
        if (days == null) {
            errors.add("days", "is required");
        } else if (days < 1 || days > MAX_WINDOW) {
            errors.add("days", "must be between 1 and " + MAX_WINDOW);
        }
        errors.throwIfAny();
        LocalDate endsOn = after(from, days);
        return new Window(from, days, endsOn, official(from, endsOn));
    }

    @Transactional
    public YearCalendar change(Caller caller, CalendarChange body) {
        FieldErrors errors = new FieldErrors();
        Integer year = body.year();
        if (year == null) {
            throw InvalidInput.of("year", "is required");
        } else if (year < MIN_YEAR || year > MAX_YEAR) {
            throw InvalidInput.of("year", "must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        String source = body.source() == null ? "" : body.source().strip();
        if (source.isEmpty()) {
            errors.add("source", "is required: the notice the arrangement comes from");
        } else if (source.length() > SOURCE_LENGTH) {
            errors.add("source", "must be at most " + SOURCE_LENGTH + " characters");
        }
        List<Day> holidays = body.holidays() == null ? List.of() : body.holidays();
        List<Day> workingDays = body.workingDays() == null ? List.of() : body.workingDays();
        Set<LocalDate> seen = new HashSet<>();
        List<Day> cleanHolidays = check(errors, "holidays", holidays, year, seen, false);
        List<Day> cleanWorking = check(errors, "workingDays", workingDays, year, seen, true);
        errors.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String by = caller.role() + ":" + caller.principalId();
        int version = repo.lockYear(year, by, now) + 1;
        repo.replace(year, version, source, cleanHolidays, cleanWorking, by, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("year", year);
        payload.put("version", version);
        payload.put("source", source);
        payload.put("holidays", cleanHolidays.stream().map(d -> d.date() + " " + d.name()).toList());
        payload.put("workingDays", cleanWorking.stream().map(d -> d.date() + " " + d.name()).toList());
        audit.append(caller, "working-day-calendar.changed", "working_day_calendar", year, null, payload);
        return calendar(year);
    }

    private static List<Day> check(FieldErrors errors, String field, List<Day> days, int year, Set<LocalDate> seen,
                                   boolean weekendOnly) {
        if (days.size() > MAX_DAYS) {
            errors.add(field, "must have at most " + MAX_DAYS + " days");
            return List.of();
        }
        for (int i = 0; i < days.size(); i++) {
            String f = field + "[" + i + "]";
            Day d = days.get(i);
            if (d == null) {
                errors.add(f, "is required");
                continue;
            }
            if (d.date() == null) {
                errors.add(f + ".date", "is required");
            } else if (d.date().getYear() != year) {
                errors.add(f + ".date", "is not in " + year);
            } else if (!seen.add(d.date())) {
                errors.add(f + ".date", "is listed twice");
            } else if (weekendOnly && d.date().getDayOfWeek() != DayOfWeek.SATURDAY
                    && d.date().getDayOfWeek() != DayOfWeek.SUNDAY) {
                errors.add(f + ".date", "is a " + d.date().getDayOfWeek()
                        + ": only a Saturday or Sunday is made a working day");
            }
            String name = d.name() == null ? "" : d.name().strip();
            if (name.isEmpty()) {
                errors.add(f + ".name", "is required (e.g. 国庆节, 国庆节调休上班)");
            } else if (name.length() > NAME_LENGTH) {
                errors.add(f + ".name", "must be at most " + NAME_LENGTH + " characters");
            }
        }
        return days.stream().filter(d -> d != null && d.date() != null && d.name() != null)
                .map(d -> new Day(d.date(), d.name().strip())).sorted((a, b) -> a.date().compareTo(b.date()))
                .toList();
    }
}
