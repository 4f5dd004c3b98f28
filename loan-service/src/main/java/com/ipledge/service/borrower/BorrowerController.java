package com.ipledge.service.borrower;

import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

@Controller("/api/v1/borrowers")
@Tag(name = "borrowers")
public class BorrowerController {
    private final BorrowerService borrowers;
    private final IdempotentRequests idempotent;

    public BorrowerController(BorrowerService borrowers, IdempotentRequests idempotent) {
        this.borrowers = borrowers;
        this.idempotent = idempotent;
    }

    @Post
    @Secured({"BANK_OFFICER", "BANK_APPROVER"})
    public HttpResponse<String> register(@Body NewBorrower body, Authentication auth,
                                         @Nullable @Header(IdempotentRequests.HEADER) String key) {
        Caller caller = Caller.of(auth);
        return idempotent.execute(caller, key, "POST /borrowers", body,
                () -> HttpResponse.created(borrowers.register(caller, body)));
    }

    @Get("/{id}")
    @Secured({"BANK_OFFICER", "BANK_APPROVER", "BUREAU"})
    public Borrower get(UUID id, Authentication auth) {
        return borrowers.get(Caller.of(auth), id);
    }
}
