package com.ipledge.service.ipasset;

import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
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
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getGiMemberCapacity",
            summary = "A GI's member-loan capacity, what the loans over it take and what is left")
    public MemberCapacity get(UUID id, Caller caller) {
        return capacities.get(caller, id);
    }

    @Put("/member-capacity")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "setGiMemberCapacity",
            summary = "Record the member-loan capacity (and member firms) the GI's association set")
    public MemberCapacity set(UUID id, @Nullable @Body MemberCapacityService.CapacityRequest body,
                              Caller caller) {
        return capacities.set(caller, id, body);
    }
}
