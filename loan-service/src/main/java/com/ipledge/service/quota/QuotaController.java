package com.ipledge.service.quota;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Introspected;
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
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/quota-plans")
@Tag(name = "quota-plans")
public class QuotaController {
    @Introspected
    public record NewQuotaPlan(UUID bankId, Integer year, BigDecimal amount, @Nullable String segment) {
    }

    @Introspected
    public record QuotaPlanAmount(BigDecimal amount) {
    }

    @Introspected
    public record ReconciliationReport(boolean ok, List<QuotaRepository.Reconciliation> plans) {
    }

    private final QuotaService quotas;

    public QuotaController(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Post
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "createQuotaPlan", summary = "Create a quota plan")
    @Idempotent
    public HttpResponse<?> create(@Body NewQuotaPlan body, Caller caller,
                                  @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(
                quotas.create(caller, body.bankId(), body.year(), body.amount(), body.segment()));
    }

    @Put("/{id}")
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "resizeQuotaPlan", summary = "Change the amount of a quota plan")
    public QuotaPlanView resize(UUID id, @Body QuotaPlanAmount body, Caller caller) {
        return quotas.resize(caller, id, body.amount());
    }

    @Get
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listQuotaPlans", summary = "List quota plans")
    public List<QuotaPlanView> list(@Nullable @QueryValue Integer year, Caller caller) {
        return quotas.list(caller, Optional.ofNullable(year));
    }

    /** Proves the counters equal the movement ledger, plan by plan. */
    @Get("/reconciliation")
    @Secured({Roles.BUREAU, Roles.ADMIN})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "reconcileQuotaPlans")
    public ReconciliationReport reconciliation() {
        List<QuotaRepository.Reconciliation> plans = quotas.reconcile();
        return new ReconciliationReport(plans.stream().allMatch(QuotaRepository.Reconciliation::agrees), plans);
    }
}
