package com.ipledge.service.calendar;

import com.ipledge.service.TimeFactory;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The service's business date (营业日): every date in a request or an answer ({@code registeredOn},
 * {@code paidOn}, {@code disbursedOn}, a schedule's due dates...) is a date in {@value TimeFactory#ZONE_NAME}, whatever
 * the caller's or the server machine's zone. A bank's system (or a script) asks here rather than reading its own
 * calendar, which differs from Beijing's for part of every day.
 */
@Controller("/api/v1/business-date")
@Tag(name = "calendar")
@Secured(SecurityRule.IS_ANONYMOUS)
public class BusinessDateController {
    private final Clock clock;

    public BusinessDateController(Clock clock) {
        this.clock = clock;
    }

    /** Today's business date, its zone, and the service's time now (with its offset). */
    public record BusinessDate(LocalDate businessDate, String zone, OffsetDateTime now) {
    }

    @Get
    @Operation(operationId = "getBusinessDate", summary = "The business date, its time zone and the time now")
    public BusinessDate today() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new BusinessDate(now.toLocalDate(), TimeFactory.ZONE_NAME, now);
    }
}
