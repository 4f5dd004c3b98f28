package com.ipledge.service.losssharing;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.losssharing.LossSharingRequests.ClaimPayment;
import com.ipledge.service.losssharing.LossSharingRequests.DefaultRequest;
import com.ipledge.service.losssharing.LossSharingRequests.NewScheme;
import com.ipledge.service.losssharing.LossSharingRequests.OverallNpl;
import com.ipledge.service.losssharing.LossSharingRequests.RecoveryRequest;
import com.ipledge.service.losssharing.LossSharingViews.ClaimView;
import com.ipledge.service.losssharing.LossSharingViews.CoverView;
import com.ipledge.service.losssharing.LossSharingViews.DefaultView;
import com.ipledge.service.losssharing.LossSharingViews.NplReport;
import com.ipledge.service.losssharing.LossSharingViews.OverallNplView;
import com.ipledge.service.losssharing.LossSharingViews.SchemeView;
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
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;

/** Risk-sharing schemes, defaults with their loss waterfall, claims, recoveries and the NPL view (issue 7). */
@Controller("/api/v1")
@Tag(name = "loss sharing")
public class LossSharingController {
    private final Schemes schemes;
    private final Covers covers;
    private final Defaults defaults;
    private final Claims claims;
    private final Recoveries recoveries;
    private final NplRatios npl;

    public LossSharingController(Schemes schemes, Covers covers, Defaults defaults, Claims claims,
                                 Recoveries recoveries, NplRatios npl) {
        this.schemes = schemes;
        this.covers = covers;
        this.defaults = defaults;
        this.claims = claims;
        this.recoveries = recoveries;
        this.npl = npl;
    }

    @Get("/risk-sharing/schemes")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listRiskSharingSchemes", summary = "List risk-sharing schemes")
    public List<SchemeView> schemes(Caller caller) {
        return schemes.schemes();
    }

    @Post("/risk-sharing/schemes")
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "createRiskSharingScheme", summary = "Create a risk-sharing scheme")
    @Idempotent
    public HttpResponse<?> createScheme(@Body NewScheme body, Caller caller,
                                        @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(schemes.createScheme(caller, body));
    }

    @Get("/loans/{id}/risk-cover")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getLoanRiskCover", summary = "The risk-sharing cover of a loan")
    public List<CoverView> cover(UUID id, Caller caller) {
        return covers.cover(caller, id);
    }

    @Post("/loans/{id}/default")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Declare a loan in default")
    @Idempotent
    public HttpResponse<?> declareDefault(UUID id, @Body DefaultRequest body, Caller caller,
                                          @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(defaults.declareDefault(caller, id, body));
    }

    @Get("/loans/{id}/default")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getLoanDefault", summary = "Get the default of a loan")
    public DefaultView getDefault(UUID id, Caller caller) {
        return defaults.getDefault(caller, id);
    }

    @Get("/loans/{id}/claims")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listLoanClaims", summary = "List the claims of a defaulted loan")
    public List<ClaimView> claims(UUID id, Caller caller) {
        return claims.claims(caller, id);
    }

    @Post("/loans/{id}/claims/{claimId}/payment")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Record the payment of a claim")
    @Idempotent
    public HttpResponse<?> payClaim(UUID id, UUID claimId, @Body ClaimPayment body, Caller caller,
                                    @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.ok(claims.payClaim(caller, id, claimId, body));
    }

    @Post("/loans/{id}/recoveries")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "recordRecovery", summary = "Record a recovery on a defaulted loan")
    @Idempotent
    public HttpResponse<?> recover(UUID id, @Body RecoveryRequest body, Caller caller,
                                   @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(recoveries.recover(caller, id, body));
    }

    @Get("/portfolio/npl")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getNplReport", summary = "Non-performing loan ratios")
    public NplReport npl(Caller caller) {
        return npl.npl(caller);
    }

    @Put("/banks/{id}/overall-npl")
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Set a bank's overall NPL ratio")
    public OverallNplView setOverallNpl(UUID id, @Body OverallNpl body, Caller caller) {
        return npl.setOverallNpl(caller, id, body);
    }
}
