package com.ipledge.service.closeofbusiness;

import com.ipledge.service.calendar.BusinessDateSettings;
import com.ipledge.service.calendar.BusinessDateShift;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotPermitted;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The business date: Beijing's date, or (where {@code ipledge.business-date.adjustable} is true) a later one an
 * admin moved it to. Every instance takes the shift from the database, at start and every few seconds.
 */
@Singleton
public class BusinessDates {
    private final CloseOfBusiness closeOfBusiness;
    private final BusinessDateShift shift;
    private final Clock clock;
    private final boolean adjustable;

    BusinessDates(CloseOfBusiness closeOfBusiness, BusinessDateShift shift, Clock clock,
                  BusinessDateSettings settings) {
        this.closeOfBusiness = closeOfBusiness;
        this.shift = shift;
        this.clock = clock;
        this.adjustable = settings.adjustable();
    }

    public boolean adjustable() {
        return adjustable;
    }

    /** Moves the business date forward to {@code date}, running the close of business of every day on the way. */
    public CloseOfBusiness.Moved moveTo(Caller caller, LocalDate date) {
        if (!adjustable) {
            throw NotPermitted.of("business-date-not-adjustable",
                    "The business date is Beijing's date here; it can be moved only where "
                            + "IPLEDGE_BUSINESS_DATE_ADJUSTABLE=true (training and rehearsal environments).");
        }
        if (date == null) {
            throw InvalidInput.of("date", "is required (an ISO date, yyyy-MM-dd)");
        }
        LocalDate realToday = realToday();
        refresh();
        LocalDate current = LocalDate.now(clock);
        if (date.isBefore(current)) {
            throw InvalidInput.of("date", "is before the business date " + current
                    + ": the business date only moves forward");
        }
        if (date.isAfter(current.plusDays(CloseOfBusiness.MAX_DAYS))) {
            throw InvalidInput.of("date", "is more than " + CloseOfBusiness.MAX_DAYS
                    + " days after the business date " + current + ": move in steps");
        }
        CloseOfBusiness.Moved moved = closeOfBusiness.moveTo(caller, date, realToday);
        refresh();
        return moved;
    }

    /** Takes the shift from the database (it may have been moved on another instance). */
    void refresh() {
        if (adjustable) {
            shift.set(closeOfBusiness.storedShift());
        }
    }

    /** Beijing's calendar date: the clock less this instance's shift. */
    private LocalDate realToday() {
        return LocalDate.now(clock).minusDays(shift.days());
    }
}
