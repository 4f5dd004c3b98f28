package com.ipledge.service.closeofbusiness;

import static com.ipledge.service.db.Tables.BUSINESS_DATE_SHIFT;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/** The one row of the business date's shift. Joins a transaction under way. */
@Singleton
@Connectable
class BusinessDateRepository {
    private static final int ROW = 1;
    private static final long LOCK = 7_201_400L;

    private final DSLContext db;

    BusinessDateRepository(DSLContext db) {
        this.db = db;
    }

    /** The shift in days every instance should use (0 when never moved). */
    int shiftDays() {
        Integer days = db.select(BUSINESS_DATE_SHIFT.SHIFT_DAYS).from(BUSINESS_DATE_SHIFT)
                .where(BUSINESS_DATE_SHIFT.ID.eq(ROW)).fetchOne(BUSINESS_DATE_SHIFT.SHIFT_DAYS);
        return days == null ? 0 : days;
    }

    /** One move at a time, on any instance, until the transaction ends. */
    void lock() {
        db.fetchValue("SELECT pg_advisory_xact_lock(?)::text", LOCK);
    }

    void save(int shiftDays, LocalDate businessDate, OffsetDateTime at, String by) {
        db.insertInto(BUSINESS_DATE_SHIFT)
                .set(BUSINESS_DATE_SHIFT.ID, ROW)
                .set(BUSINESS_DATE_SHIFT.SHIFT_DAYS, shiftDays)
                .set(BUSINESS_DATE_SHIFT.BUSINESS_DATE, businessDate)
                .set(BUSINESS_DATE_SHIFT.MOVED_AT, at)
                .set(BUSINESS_DATE_SHIFT.MOVED_BY, by)
                .onConflict(BUSINESS_DATE_SHIFT.ID).doUpdate()
                .set(BUSINESS_DATE_SHIFT.SHIFT_DAYS, shiftDays)
                .set(BUSINESS_DATE_SHIFT.BUSINESS_DATE, businessDate)
                .set(BUSINESS_DATE_SHIFT.MOVED_AT, at)
                .set(BUSINESS_DATE_SHIFT.MOVED_BY, by)
                .execute();
    }
}
