package com.ipledge.service;

import com.ipledge.service.calendar.BusinessDateSettings;
import com.ipledge.service.calendar.BusinessDateShift;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The one source of "now" for the service; business dates are in China Standard Time. It ticks in microseconds,
 * PostgreSQL's resolution, so a time in an answer is exactly the time a later read of the row shows.
 */
@Factory
public class TimeFactory {
    public static final String ZONE_NAME = "Asia/Shanghai";
    public static final ZoneId BUSINESS_ZONE = ZoneId.of(ZONE_NAME);

    @Singleton
    Clock clock(BusinessDateShift shift, BusinessDateSettings settings) {
        Clock clock = Clock.tick(Clock.system(BUSINESS_ZONE), Duration.ofNanos(1_000));
        return settings.adjustable() ? new ShiftedClock(clock, shift) : clock;
    }

    /** Real time moved forward by the business date's shift in whole days: the time of day stays true. */
    static final class ShiftedClock extends Clock {
        private final Clock base;
        private final BusinessDateShift shift;

        ShiftedClock(Clock base, BusinessDateShift shift) {
            this.base = base;
            this.shift = shift;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new ShiftedClock(base.withZone(zone), shift);
        }

        @Override
        public Instant instant() {
            return base.instant().plus(Duration.ofDays(shift.days()));
        }
    }
}
