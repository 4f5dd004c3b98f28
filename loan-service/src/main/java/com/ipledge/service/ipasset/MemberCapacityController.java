package com.ipledge.service.ipasset;

import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

@Controller("/api/v1/ip-assets/{id}")
@Tag(name = "ip-assets")
public class MemberCapacityController {
    private final MemberCapacityService capacities;

    public MemberCapacityController(MemberCapacityService capacities) {
        this.capacities = capacities;
    }

    @Get("/member-capacity")
    @Secured({"BANK_OFFICER", "BANK_APPROVER", "BUREAU"})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getGiMemberCapacity",
            summary = "A GI's member-loan capacity, what the loans over it take and what is left")
    public MemberCapacity get(UUID id, Authentication auth) {
        return capacities.get(Caller.of(auth), id);
    }

    @Put("/member-capacity")
    @Secured({"BANK_OFFICER", "BANK_APPROVER"})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "setGiMemberCapacity",
            summary = "Record the member-loan capacity (and member firms) the GI's association set")
    public MemberCapacity set(UUID id, @Nullable @Body MemberCapacityService.CapacityRequest body,
                              Authentication auth) {
        return capacities.set(Caller.of(auth), id, body);
    }
}
