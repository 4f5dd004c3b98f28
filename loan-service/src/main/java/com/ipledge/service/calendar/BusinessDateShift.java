package com.ipledge.service.calendar;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many days the business date stands ahead of Beijing's calendar date on this instance: 0 unless an admin
 * moved it forward where that is allowed (training, dress rehearsals, tests). The service's clock adds it; the
 * close-of-business package keeps it in line with the database, which every instance reads.
 */
@Singleton
public class BusinessDateShift {
    private final AtomicInteger days = new AtomicInteger();

    public int days() {
        return days.get();
    }

    public void set(int shiftDays) {
        days.set(shiftDays);
    }
}
