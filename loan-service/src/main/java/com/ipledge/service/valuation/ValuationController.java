package com.ipledge.service.valuation;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

@Controller("/api/v1/valuations")
@Tag(name = "valuations")
public class ValuationController {
    private final ValuationService valuations;

    public ValuationController(ValuationService valuations) {
        this.valuations = valuations;
    }

    /** 201 with {@code id} when a stored asset ({@code assetId}) is valued and kept; 200 for inline facts. */
    @Post
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "valueIpAsset")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ValuationView.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ValuationView.class)))
    @Idempotent
    public HttpResponse<?> value(@Body ValuationInput body, Caller caller,
                                 @Nullable @Header(IdempotentRequests.HEADER) String key) {
        ValuationService.Valued valued = valuations.value(caller, body);
        return valued.stored()
                ? HttpResponse.created(valued.view()).header("Location", "/api/v1/valuations/" + valued.view().id())
                : HttpResponse.ok(valued.view());
    }

    /** A stored valuation, exactly as it was answered. */
    @Get("/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getValuation")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ValuationView.class)))
    public HttpResponse<String> get(UUID id, Caller caller) {
        return HttpResponse.ok(valuations.get(caller, id)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
