package com.ipledge.service;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
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
    Clock clock() {
        return Clock.tick(Clock.system(BUSINESS_ZONE), Duration.ofNanos(1_000));
    }
}
