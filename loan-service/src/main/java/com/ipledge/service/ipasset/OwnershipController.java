package com.ipledge.service.ipasset;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

@Controller("/api/v1/ip-assets/{id}")
@Tag(name = "ip-assets")
public class OwnershipController {
    private final OwnershipService ownership;

    public OwnershipController(OwnershipService ownership) {
        this.ownership = ownership;
    }

    @Get("/ownership")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getIpAssetOwnership", summary = "Registered owners, consents and register flags")
    public Ownership get(UUID id, Caller caller) {
        return ownership.get(caller, id);
    }

    @Put("/ownership")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "recordIpAssetOwnership",
            summary = "Record the registered owners (co-ownership) and register flags of an asset")
    public Ownership record(UUID id, @Nullable @Body OwnershipService.OwnershipRequest body, Caller caller) {
        return ownership.record(caller, id, body);
    }

    @Post("/owner-consents")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "recordOwnerConsent", summary = "Record a registered owner's written consent to the pledge")
    @Idempotent
    public HttpResponse<?> consent(UUID id, @Nullable @Body OwnershipService.ConsentRequest body,
                                   Caller caller,
                                        @Nullable @Header(IdempotentRequests.HEADER) String key) {
        OwnershipService.ConsentRequest c = body == null ? new OwnershipService.ConsentRequest(null, null, null) : body;
        return HttpResponse.created(ownership.consent(caller, id, c));
    }
}
