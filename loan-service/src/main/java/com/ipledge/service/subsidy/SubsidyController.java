package com.ipledge.service.subsidy;

import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Roles;
import com.ipledge.service.subsidy.Subsidies.Accrual;
import com.ipledge.service.subsidy.Subsidies.Claim;
import com.ipledge.service.subsidy.Subsidies.Enrolment;
import com.ipledge.service.subsidy.Subsidies.Programme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Interest and fee subsidies: the bureau's programmes, the banks' enrolments, fees and quarterly claims. */
@Controller("/api/v1")
@Tag(name = "subsidies")
public class SubsidyController {
    private final SubsidyProgrammes programmes;
    private final SubsidyAccruals accruals;
    private final SubsidyClaims claims;

    public SubsidyController(SubsidyProgrammes programmes, SubsidyAccruals accruals, SubsidyClaims claims) {
        this.programmes = programmes;
        this.accruals = accruals;
        this.claims = claims;
    }

    @Post("/subsidy-programmes")
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "createSubsidyProgramme", summary = "Create an interest and fee subsidy programme")
    @Idempotent
    public HttpResponse<Programme> createProgramme(@Body SubsidyRequests.NewProgramme body, Caller caller,
                                                   @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(programmes.create(caller, body));
    }

    @Put("/subsidy-programmes/{id}")
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "changeSubsidyProgramme", summary = "Change a subsidy programme's terms (a new version)")
    public Programme changeProgramme(UUID id, @Body SubsidyRequests.ProgrammeChange body, Caller caller) {
        return programmes.change(caller, id, body);
    }

    @Get("/subsidy-programmes")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listSubsidyProgrammes", summary = "List subsidy programmes with their budgets")
    public List<Programme> listProgrammes() {
        return programmes.list();
    }

    @Get("/subsidy-programmes/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getSubsidyProgramme", summary = "Get a subsidy programme and its versions")
    public Programme getProgramme(UUID id) {
        return programmes.get(id);
    }

    @Post("/subsidy-enrolments")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "enrolLoanForSubsidy", summary = "Enrol a disbursed loan in a subsidy programme")
    @Idempotent
    public HttpResponse<Enrolment> enrol(@Body SubsidyRequests.NewEnrolment body, Caller caller,
                                         @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(accruals.enrol(caller, body));
    }

    @Get("/subsidy-enrolments")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listSubsidyEnrolments", summary = "List loans enrolled in subsidy programmes")
    public List<Enrolment> listEnrolments(@Nullable @QueryValue UUID loanId, @Nullable @QueryValue UUID programmeId,
                                          Caller caller) {
        return accruals.enrolments(caller, Optional.ofNullable(loanId), Optional.ofNullable(programmeId));
    }

    @Post("/subsidy-fees")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "recordSubsidisedFee",
            summary = "Record a guarantee, insurance or valuation fee paid on an enrolled loan; answers its subsidy")
    @Idempotent
    public HttpResponse<Accrual> recordFee(@Body SubsidyRequests.NewFee body, Caller caller,
                                           @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(accruals.recordFee(caller, body));
    }

    @Get("/subsidy-accruals")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listSubsidyAccruals", summary = "List subsidies accrued from repayments and fees")
    public List<Accrual> listAccruals(@Nullable @QueryValue UUID loanId, @Nullable @QueryValue UUID programmeId,
                                      Caller caller) {
        return accruals.accruals(caller, Optional.ofNullable(loanId), Optional.ofNullable(programmeId));
    }

    @Post("/subsidy-claims")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "fileSubsidyClaim", summary = "File the bank's subsidy claim of a quarter")
    @Idempotent
    public HttpResponse<Claim> fileClaim(@Body SubsidyRequests.NewClaim body, Caller caller,
                                         @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(claims.file(caller, body));
    }

    @Get("/subsidy-claims")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listSubsidyClaims", summary = "List subsidy claims")
    public List<Claim> listClaims(@Nullable @QueryValue UUID programmeId, @Nullable @QueryValue ClaimStatus status,
                                  Caller caller) {
        return claims.list(caller, Optional.ofNullable(programmeId), Optional.ofNullable(status));
    }

    @Get("/subsidy-claims/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getSubsidyClaim", summary = "Get a subsidy claim and its accruals")
    public Claim getClaim(UUID id, Caller caller) {
        return claims.get(caller, id);
    }

    @Post("/subsidy-claims/{id}/decision")
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "decideSubsidyClaim", summary = "Approve or refuse a filed subsidy claim")
    @Idempotent
    public HttpResponse<Claim> decideClaim(UUID id, @Body SubsidyRequests.ClaimDecision body, Caller caller,
                             @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.ok(claims.decide(caller, id, body));
    }

    @Post("/subsidy-claims/{id}/payment")
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "paySubsidyClaim", summary = "Record the payment of an approved subsidy claim")
    @Idempotent
    public HttpResponse<Claim> payClaim(UUID id, @Body SubsidyRequests.ClaimPayment body, Caller caller,
                          @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.ok(claims.pay(caller, id, body));
    }
}
