package com.ipledge.service.losssharing;

import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.losssharing.RiskLayerRequests.ClaimFiling;
import com.ipledge.service.losssharing.RiskLayerRequests.ClaimRefusal;
import com.ipledge.service.losssharing.RiskLayerRequests.ClaimReview;
import com.ipledge.service.losssharing.RiskLayerRequests.Contribution;
import com.ipledge.service.losssharing.RiskLayerRequests.Enrolment;
import com.ipledge.service.losssharing.RiskLayerRequests.LayerPayment;
import com.ipledge.service.losssharing.RiskLayerRequests.LayerRecovery;
import com.ipledge.service.losssharing.RiskLayerRequests.NewLayeredScheme;
import com.ipledge.service.losssharing.RiskLayerViews.LayerClaimView;
import com.ipledge.service.losssharing.RiskLayerViews.LayeredSchemeView;
import com.ipledge.service.losssharing.RiskLayerViews.LoanLayersView;
import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Risk sharing in layers (issue 19): the bureau configures layered schemes and funds pools; the bank enrols loans,
 * files claims once a loan is non-performing and records recoveries; the bureau (pools, guarantee funds) or the
 * bank's approver (insurers) reviews, pays or refuses each claim.
 */
@Controller("/api/v1")
@Tag(name = "loss sharing")
public class RiskLayerController {
    private final LayeredSchemes schemes;
    private final LayerEnrolments enrolments;
    private final LayerClaimFilings filings;
    private final LayerClaimDecisions decisions;
    private final LayerRecoveries recoveries;

    public RiskLayerController(LayeredSchemes schemes, LayerEnrolments enrolments, LayerClaimFilings filings,
                               LayerClaimDecisions decisions, LayerRecoveries recoveries) {
        this.schemes = schemes;
        this.enrolments = enrolments;
        this.filings = filings;
        this.decisions = decisions;
        this.recoveries = recoveries;
    }

    @Get("/risk-sharing/layered-schemes")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listLayeredSchemes", summary = "List layered risk-sharing schemes with their pools' standing")
    public List<LayeredSchemeView> schemes(Caller caller) {
        return schemes.schemes();
    }

    @Get("/risk-sharing/layered-schemes/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getLayeredScheme", summary = "Get a layered risk-sharing scheme")
    public LayeredSchemeView scheme(UUID id, Caller caller) {
        return schemes.scheme(id);
    }

    @Post("/risk-sharing/layered-schemes")
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "createLayeredScheme", summary = "Create a layered risk-sharing scheme")
    @Idempotent
    public HttpResponse<?> createScheme(@Body NewLayeredScheme body, Caller caller,
                                        @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(schemes.create(caller, body));
    }

    @Post("/risk-sharing/layered-schemes/{id}/layers/{layerId}/contributions")
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "contributeToRiskLayer", summary = "Add funders' money to a pool's or fund's balance")
    @Idempotent
    public HttpResponse<?> contribute(UUID id, UUID layerId, @Body Contribution body, Caller caller,
                                      @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.ok(schemes.contribute(caller, id, layerId, body));
    }

    @Get("/risk-sharing/layer-claims")
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listLayerClaims", summary = "The bureau's work list of layer claims, oldest first")
    public List<LayerClaimView> queue(@Nullable @QueryValue LayerClaimStatus status, Caller caller) {
        return filings.queue(Optional.ofNullable(status));
    }

    @Post("/loans/{id}/risk-layers")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "enrolLoanInLayeredScheme", summary = "Enrol a loan in a layered risk-sharing scheme")
    @Idempotent
    public HttpResponse<?> enrol(UUID id, @Body Enrolment body, Caller caller,
                                 @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(enrolments.enrol(caller, id, body));
    }

    @Get("/loans/{id}/risk-layers")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getLoanRiskLayers", summary = "A loan's layered cover, its layer claims and recoveries")
    public LoanLayersView layers(UUID id, Caller caller) {
        return enrolments.layers(caller, id);
    }

    @Post("/loans/{id}/layer-claims")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "fileLayerClaims", summary = "File claims on every layer of a non-performing loan")
    @Idempotent
    public HttpResponse<?> file(UUID id, @Body ClaimFiling body, Caller caller,
                                @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(filings.file(caller, id, body));
    }

    @Post("/loans/{id}/layer-claims/{claimId}/review")
    @Secured({Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "startLayerClaimReview", summary = "Take a layer claim under review")
    @Idempotent
    public HttpResponse<?> review(UUID id, UUID claimId, @Body ClaimReview body, Caller caller,
                                 @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.ok(decisions.review(caller, id, claimId, body));
    }

    @Post("/loans/{id}/layer-claims/{claimId}/payment")
    @Secured({Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "payLayerClaim", summary = "Pay a layer claim within the layer's balance and caps")
    @Idempotent
    public HttpResponse<?> pay(UUID id, UUID claimId, @Body LayerPayment body, Caller caller,
                              @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.ok(decisions.pay(caller, id, claimId, body));
    }

    @Post("/loans/{id}/layer-claims/{claimId}/refusal")
    @Secured({Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "refuseLayerClaim", summary = "Refuse a layer claim with a reason")
    @Idempotent
    public HttpResponse<?> refuse(UUID id, UUID claimId, @Body ClaimRefusal body, Caller caller,
                                 @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.ok(decisions.refuse(caller, id, claimId, body));
    }

    @Post("/loans/{id}/layer-recoveries")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "recordLayerRecovery", summary = "Record a recovery and claw back the layers' payments pro rata")
    @Idempotent
    public HttpResponse<?> recover(UUID id, @Body LayerRecovery body, Caller caller,
                                   @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(recoveries.recover(caller, id, body));
    }
}
