package com.ipledge.service.application;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import com.ipledge.service.web.SyncWindow;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/applications")
@Tag(name = "applications")
public class ApplicationController {
    private final ApplicationService applications;

    public ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    @Post
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "submitApplication", summary = "Submit a loan application")
    @Idempotent
    public HttpResponse<?> submit(@Body NewApplication body, Caller caller,
                                  @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(applications.submit(caller, body));
    }

    @Get("/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getApplication", summary = "Get a loan application")
    public ApplicationView get(UUID id, Caller caller) {
        return applications.get(caller, id);
    }

    @Get
    @Operation(summary = "List loan applications", operationId = "listApplications")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    public Page<ApplicationView> list(@Nullable @QueryValue ApplicationStatus status,
                                      @Nullable @QueryValue UUID borrowerId,
                                      @Parameter(schema = @Schema(type = "string", format = "date-time"))
                                      @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                                      @QueryValue(defaultValue = "0") int page,
                                      @QueryValue(defaultValue = "20") int size, Caller caller) {
        return applications.list(caller, Optional.ofNullable(status), Optional.ofNullable(borrowerId),
                page, size, SyncWindow.of(updatedSince, cursor));
    }
}
