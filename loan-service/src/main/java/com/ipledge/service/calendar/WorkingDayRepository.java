package com.ipledge.service.calendar;

import static com.ipledge.service.db.Tables.WORKING_DAY_CALENDAR;
import static com.ipledge.service.db.Tables.WORKING_DAY_EXCEPTION;

import com.ipledge.service.calendar.WorkingDayCalendar.Day;
import com.ipledge.service.calendar.WorkingDayCalendar.YearCalendar;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The bureau's calendars, one row a year, and the days that differ from their weekday. */
@Singleton
@Connectable
class WorkingDayRepository {
    private final DSLContext db;

    WorkingDayRepository(DSLContext db) {
        this.db = db;
    }

    Optional<YearCalendar> calendar(int year) {
        return db.selectFrom(WORKING_DAY_CALENDAR).where(WORKING_DAY_CALENDAR.CALENDAR_YEAR.eq(year))
                .fetchOptional(r -> new YearCalendar(r.getCalendarYear(), r.getVersion(), r.getSource(),
                        days(year, WorkingDayKind.HOLIDAY), days(year, WorkingDayKind.WORKING_DAY),
                        r.getChangedBy(), r.getChangedAt()));
    }

    private List<Day> days(int year, WorkingDayKind kind) {
        return db.selectFrom(WORKING_DAY_EXCEPTION)
                .where(WORKING_DAY_EXCEPTION.CALENDAR_YEAR.eq(year), WORKING_DAY_EXCEPTION.KIND.eq(kind.name()))
                .orderBy(WORKING_DAY_EXCEPTION.DAY)
                .fetch(r -> new Day(r.getDay(), r.getName()));
    }

    /** The exceptions from {@code from} to {@code to} inclusive, of one kind. */
    List<LocalDate> between(LocalDate from, LocalDate to, WorkingDayKind kind) {
        return db.select(WORKING_DAY_EXCEPTION.DAY).from(WORKING_DAY_EXCEPTION)
                .where(WORKING_DAY_EXCEPTION.DAY.between(from, to), WORKING_DAY_EXCEPTION.KIND.eq(kind.name()))
                .fetch(WORKING_DAY_EXCEPTION.DAY);
    }

    /** The year's row, locked; created at version 0 first if the year has none, so two changes take turns. */
    int lockYear(int year, String by, OffsetDateTime now) {
        db.insertInto(WORKING_DAY_CALENDAR)
                .set(WORKING_DAY_CALENDAR.CALENDAR_YEAR, year)
                .set(WORKING_DAY_CALENDAR.VERSION, 0)
                .set(WORKING_DAY_CALENDAR.SOURCE, "")
                .set(WORKING_DAY_CALENDAR.CHANGED_BY, by)
                .set(WORKING_DAY_CALENDAR.CHANGED_AT, now)
                .onConflictDoNothing().execute();
        return db.select(WORKING_DAY_CALENDAR.VERSION).from(WORKING_DAY_CALENDAR)
                .where(WORKING_DAY_CALENDAR.CALENDAR_YEAR.eq(year)).forUpdate().fetchOne().value1();
    }

    void replace(int year, int version, String source, List<Day> holidays, List<Day> workingDays, String by,
                 OffsetDateTime now) {
        db.update(WORKING_DAY_CALENDAR)
                .set(WORKING_DAY_CALENDAR.VERSION, version)
                .set(WORKING_DAY_CALENDAR.SOURCE, source)
                .set(WORKING_DAY_CALENDAR.CHANGED_BY, by)
                .set(WORKING_DAY_CALENDAR.CHANGED_AT, now)
                .where(WORKING_DAY_CALENDAR.CALENDAR_YEAR.eq(year)).execute();
        db.deleteFrom(WORKING_DAY_EXCEPTION).where(WORKING_DAY_EXCEPTION.CALENDAR_YEAR.eq(year)).execute();
        insert(year, WorkingDayKind.HOLIDAY, holidays);
        insert(year, WorkingDayKind.WORKING_DAY, workingDays);
    }

    private void insert(int year, WorkingDayKind kind, List<Day> days) {
        for (Day d : days) {
            db.insertInto(WORKING_DAY_EXCEPTION)
                    .set(WORKING_DAY_EXCEPTION.DAY, d.date())
                    .set(WORKING_DAY_EXCEPTION.CALENDAR_YEAR, year)
                    .set(WORKING_DAY_EXCEPTION.KIND, kind.name())
                    .set(WORKING_DAY_EXCEPTION.NAME, d.name())
                    .execute();
        }
    }
}
