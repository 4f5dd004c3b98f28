package com.ipledge.service.evaluation;

import com.ipledge.service.security.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

@Controller("/api/v1/applications")
@Tag(name = "applications")
public class EvaluationController {
    private final EvaluationService evaluations;

    public EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    /** Repeatable: unchanged inputs answer the stored decision. */
    @Post("/{id}/evaluation")
    @Secured({"BANK_OFFICER", "BANK_APPROVER"})
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public HttpResponse<String> evaluate(UUID id, Authentication auth) {
        return HttpResponse.ok(evaluations.evaluate(Caller.of(auth), id)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
