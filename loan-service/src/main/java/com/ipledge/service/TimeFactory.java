package com.ipledge.service;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The one source of "now" for the service; business dates are in China Standard Time. */
@Factory
public class TimeFactory {
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @Singleton
    Clock clock() {
        return Clock.system(BUSINESS_ZONE);
    }
}
