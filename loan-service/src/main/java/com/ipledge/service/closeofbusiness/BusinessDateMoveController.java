package com.ipledge.service.closeofbusiness;

import com.ipledge.service.security.Roles;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;

@Controller("/api/v1/admin/business-date")
@Tag(name = "calendar")
public class BusinessDateMoveController {
    @Introspected
    public record BusinessDateMove(@Nullable LocalDate date) {
    }

    private final BusinessDates dates;

    public BusinessDateMoveController(BusinessDates dates) {
        this.dates = dates;
    }

    /**
     * Moves the business date forward (403 unless IPLEDGE_BUSINESS_DATE_ADJUSTABLE=true), running the close of
     * business of every day up to it before answering.
     */
    @Put
    @Secured(Roles.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "moveBusinessDate")
    public CloseOfBusiness.Moved move(@Body BusinessDateMove body, Caller caller) {
        return dates.moveTo(caller, body.date());
    }
}
