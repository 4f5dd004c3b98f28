package com.ipledge.service.evaluation;

import com.ipledge.service.security.Roles;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

@Controller("/api/v1/applications")
@Tag(name = "applications")
public class EvaluationController {
    /**
     * An evaluation takes nothing from the caller: every input is stored. The empty body type exists so that a
     * client sending fields (a decision, a score) is told they are not accepted rather than silently ignored.
     */
    @Introspected
    public record EvaluationRequest() {
    }

    private final EvaluationService evaluations;

    public EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    /** The stored decision, exactly as the evaluation answered it; 404 before the application is evaluated. */
    @Get("/{id}/evaluation")
    @Operation(operationId = "getEvaluation")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public HttpResponse<String> decision(UUID id, Caller caller) {
        return HttpResponse.ok(evaluations.stored(caller, id)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Repeatable: unchanged inputs answer the stored decision. */
    @Post("/{id}/evaluation")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    @Operation(operationId = "evaluateApplication")
    public HttpResponse<String> evaluate(UUID id, @Nullable @Body EvaluationRequest body, Caller caller) {
        return HttpResponse.ok(evaluations.evaluate(caller, id)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
