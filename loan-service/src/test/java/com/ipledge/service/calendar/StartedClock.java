package com.ipledge.service.calendar;

import com.ipledge.service.TimeFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A test's clock that starts at a chosen instant ({@code ipledge.test.clock-start}, ISO-8601 with offset) and then
 * runs as real time does, ticking in microseconds like the service's: the lifecycle can be run at 23:30 or 00:30
 * Beijing time whatever the hour and zone of the machine.
 */
@Factory
@Requires(property = StartedClock.PROPERTY)
public class StartedClock {
    public static final String PROPERTY = "ipledge.test.clock-start";

    @Singleton
    @Replaces(factory = TimeFactory.class, bean = Clock.class)
    Clock clock(@Value("${" + PROPERTY + "}") String start) {
        Clock running = Clock.tick(Clock.system(TimeFactory.BUSINESS_ZONE), Duration.ofNanos(1_000));
        return Clock.offset(running, Duration.between(running.instant(), OffsetDateTime.parse(start).toInstant()));
    }
}
