package com.ipledge.service.policy;

import com.ipledge.service.security.Roles;
import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.service.security.Caller;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The credit policy's parameters: everyone who decides may read them; only the bureau changes them. */
@Controller("/api/v1/policy-parameters")
@Tag(name = "policy")
public class PolicyParameterController {
    private final PolicyParameterStore store;

    public PolicyParameterController(PolicyParameterStore store) {
        this.store = store;
    }

    @Get
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU, Roles.ADMIN})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getPolicyParameters", summary = "Get the current policy parameters")
    public PolicyParameters current() {
        return store.current();
    }

    /** Stores a new version (the {@code version} field of the body is ignored: versions are numbered here). */
    @Put
    @Secured(Roles.BUREAU)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "updatePolicyParameters")
    public PolicyParameters update(@Body PolicyParameters body, Caller caller) {
        return store.update(caller, body);
    }
}
