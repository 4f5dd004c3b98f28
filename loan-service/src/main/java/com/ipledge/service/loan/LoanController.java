package com.ipledge.service.loan;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.loan.schedule.PrepaymentMode;
import com.ipledge.service.loan.schedule.RepaymentType;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import com.ipledge.service.web.SyncWindow;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1")
@Tag(name = "loans")
public class LoanController {
    @Introspected
    public record ApprovalRequest(Boolean approve, @Nullable String note, @Nullable RepaymentType repaymentType) {
    }

    @Introspected
    public record PledgeRegistration(String registrationNo, LocalDate registeredOn, @Nullable String certificateNo,
                                     @Nullable String pledgorCreditCode, @Nullable Boolean riskAcknowledged) {
    }

    @Introspected
    public record Disbursement(@Nullable LocalDate disbursedOn) {
    }

    @Introspected
    public record RepaymentRequest(BigDecimal amount, LocalDate paidOn, @Nullable PrepaymentMode prepaymentMode) {
    }

    @Introspected
    public record ClassificationRequest(Classification classification, String reason) {
    }

    @Introspected
    public record Withdrawal(@Nullable String reason) {
    }

    private final ApprovalService approvals;
    private final LoanService loans;

    public LoanController(ApprovalService approvals, LoanService loans) {
        this.approvals = approvals;
        this.loans = loans;
    }

    @Post("/applications/{id}/approval")
    @Secured(Roles.BANK_APPROVER)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "approveApplication", summary = "Approve or decline an evaluated application")
    @Idempotent
    public HttpResponse<?> approve(UUID id, @Body ApprovalRequest body, Caller caller,
                                   @Nullable @Header(IdempotentRequests.HEADER) String key) {
        ApprovalService.ApprovalOutcome outcome = approvals.decide(caller, id, body.approve(), body.note(),
                body.repaymentType());
        return HttpResponse.status(outcome.loanId() != null ? HttpStatus.CREATED : HttpStatus.OK).body(outcome);
    }

    @Post("/applications/{id}/withdrawal")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "withdrawApplication", summary = "Withdraw an application")
    @Idempotent
    public HttpResponse<?> withdraw(UUID id, @Nullable @Body Withdrawal body, Caller caller,
                                    @Nullable @Header(IdempotentRequests.HEADER) String key) {
        Withdrawal w = body == null ? new Withdrawal(null) : body;
        return HttpResponse.ok(loans.withdraw(caller, id, w.reason()));
    }

    @Get("/loans/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getLoan", summary = "Get a loan")
    public LoanView get(UUID id, Caller caller) {
        return loans.get(caller, id);
    }

    @Get("/loans")
    @Operation(summary = "List loans", operationId = "listLoans")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    public Page<LoanView> list(@Nullable @QueryValue LoanStatus status, @Nullable @QueryValue UUID borrowerId,
                               @Nullable @QueryValue Classification classification,
                               @Parameter(schema = @Schema(type = "string", format = "date-time"))
                               @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                               @QueryValue(defaultValue = "0") int page,
                               @QueryValue(defaultValue = "20") int size, Caller caller) {
        return loans.list(caller, Optional.ofNullable(status), Optional.ofNullable(borrowerId),
                Optional.ofNullable(classification), page, size,
                SyncWindow.of(updatedSince, cursor));
    }

    /** The bank's five-category classification: never better than the floor the days past due set. */
    @Put("/loans/{id}/classification")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "classifyLoan")
    public LoanView classify(UUID id, @Body ClassificationRequest body, Caller caller) {
        return loans.classify(caller, id, body.classification(), body.reason());
    }

    @Post("/loans/{id}/pledge-registration")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Record the registration of the pledge")
    @Idempotent
    public HttpResponse<?> registerPledge(UUID id, @Body PledgeRegistration body, Caller caller,
                                          @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.ok(loans.registerPledge(caller, id, body.registrationNo(), body.registeredOn(),
                body.certificateNo(), body.pledgorCreditCode(), Boolean.TRUE.equals(body.riskAcknowledged())));
    }

    @Post("/loans/{id}/disbursement")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "disburseLoan", summary = "Disburse a loan")
    @Idempotent
    public HttpResponse<?> disburse(UUID id, @Nullable @Body Disbursement body, Caller caller,
                                    @Nullable @Header(IdempotentRequests.HEADER) String key) {
        Disbursement d = body == null ? new Disbursement(null) : body;
        return HttpResponse.ok(loans.disburse(caller, id, d.disbursedOn()));
    }

    @Post("/loans/{id}/repayments")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "repayLoan", summary = "Record a repayment")
    @Idempotent
    public HttpResponse<?> repay(UUID id, @Body RepaymentRequest body, Caller caller,
                                 @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(loans.repay(caller, id, body.amount(), body.paidOn(), body.prepaymentMode()));
    }
}
