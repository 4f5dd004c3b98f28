package com.ipledge.service.borrower;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import com.ipledge.service.web.SyncWindow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/borrowers")
@Tag(name = "borrowers")
public class BorrowerController {
    private final BorrowerService borrowers;

    public BorrowerController(BorrowerService borrowers) {
        this.borrowers = borrowers;
    }

    @Post
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "registerBorrower", summary = "Register a borrower")
    @Idempotent
    public HttpResponse<?> register(@Body NewBorrower body, Caller caller,
                                    @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(borrowers.register(caller, body));
    }

    @Get("/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getBorrower", summary = "Get a borrower")
    public Borrower get(UUID id, Caller caller) {
        return borrowers.get(caller, id);
    }

    /**
     * The caller's bank's borrowers (every bank's for the bureau). With updatedSince or cursor: those changed at or
     * after updatedSince, in (updatedAt, id) order, read on with nextCursor.
     */
    @Get
    @Operation(operationId = "listBorrowers")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    public Page<Borrower> list(@Nullable @QueryValue String creditCode, @Nullable @QueryValue String name,
                               @Parameter(schema = @Schema(type = "string", format = "date-time"))
                               @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                               @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size,
                               Caller caller) {
        return borrowers.list(caller, Optional.ofNullable(creditCode), Optional.ofNullable(name), page, size,
                SyncWindow.of(updatedSince, cursor));
    }

    /** Records the facts that change (employees, annual financials, contact) as of a date: a new version. */
    @Patch("/{id}")
    @Operation(operationId = "changeBorrower")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    public Borrower change(UUID id, @Body BorrowerChange body, Caller caller) {
        return borrowers.change(caller, id, body);
    }

    /** Every version of the borrower's changing facts, oldest first. */
    @Get("/{id}/history")
    @Operation(operationId = "borrowerHistory")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    public List<BorrowerVersion> history(UUID id, Caller caller) {
        return borrowers.history(caller, id);
    }
}
