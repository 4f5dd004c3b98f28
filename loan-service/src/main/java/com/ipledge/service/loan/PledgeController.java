package com.ipledge.service.loan;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

@Controller("/api/v1/loans/{id}")
@Tag(name = "loans")
public class PledgeController {
    private final PledgeRegister pledges;

    public PledgeController(PledgeRegister pledges) {
        this.pledges = pledges;
    }

    @Post("/pledge-steps")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "recordPledgeStep",
            summary = "Record a later step of the registered pledge: CHANGED, EXTENDED or RELEASED")
    @Idempotent
    public HttpResponse<?> step(UUID id, @Nullable @Body PledgeRegister.StepRequest body, Caller caller,
                                @Nullable @Header(IdempotentRequests.HEADER) String key) {
        PledgeRegister.StepRequest r = body == null
                ? new PledgeRegister.StepRequest(null, null, null, null, null, null, null) : body;
        return HttpResponse.created(pledges.recordStep(caller, id, r));
    }

    @Post("/pledge-consents")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "requestPledgeConsent",
            summary = "Ask the bank's consent to license or transfer the pledged right (Civil Code art. 444)")
    @Idempotent
    public HttpResponse<?> request(UUID id, @Nullable @Body PledgeRegister.ConsentRequest body,
                                   Caller caller,
                                        @Nullable @Header(IdempotentRequests.HEADER) String key) {
        PledgeRegister.ConsentRequest r = body == null
                ? new PledgeRegister.ConsentRequest(null, null, null, null, null) : body;
        return HttpResponse.created(pledges.request(caller, id, r));
    }

    @Post("/pledge-consents/{consentId}/decision")
    @Secured(Roles.BANK_APPROVER)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "decidePledgeConsent",
            summary = "Approve or refuse a licence or transfer of the pledged right (four eyes)")
    @Idempotent
    public HttpResponse<?> decide(UUID id, UUID consentId, @Nullable @Body PledgeRegister.Decision body,
                                  Caller caller,
                                       @Nullable @Header(IdempotentRequests.HEADER) String key) {
        PledgeRegister.Decision d = body == null ? new PledgeRegister.Decision(null, null) : body;
        return HttpResponse.ok(pledges.decide(caller, id, consentId, d));
    }
}
