package com.ipledge.service.calendar;

import com.ipledge.service.TimeFactory;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every API answer names the zone its dates are in ({@code X-Business-Zone: Asia/Shanghai}), so that a bank's
 * system never has to guess whether {@code paidOn: 2026-12-03} is Beijing's date or its own.
 */
@ServerFilter("/api/**")
public class BusinessZoneHeader {
    public static final String HEADER = "X-Business-Zone";

    @ResponseFilter
    public void nameTheZone(MutableHttpResponse<?> response) {
        response.header(HEADER, TimeFactory.ZONE_NAME);
    }
}
