package com.ipledge.service.admin;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.ActiveKeys;
import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Role;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

@Controller("/api/v1/admin")
@Secured(Roles.ADMIN)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "admin")
public class AdminController {
    @Introspected
    public record NewBank(@NotBlank @Pattern(regexp = "[A-Z0-9_-]{2,32}",
            message = "must be 2-32 upper-case letters, digits, '-' or '_'") String code,
                          @NotBlank @Size(max = 200) String name) {
    }

    @Introspected
    public record NewApiKey(@NotNull Role role, @Nullable UUID bankId, @NotBlank @Size(max = 200) String label) {
    }

    private final AdminService admin;
    private final ActiveKeys activeKeys;

    public AdminController(AdminService admin, ActiveKeys activeKeys) {
        this.admin = admin;
        this.activeKeys = activeKeys;
    }

    @Post("/banks")
    @Operation(summary = "Create a bank")
    @Idempotent
    public HttpResponse<?> createBank(@Body @Valid NewBank body, Caller caller,
                                      @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(admin.createBank(caller, body.code(), body.name()));
    }

    @Post("/api-keys")
    @Operation(summary = "Create an API key (its secret is shown once)")
    @Idempotent
    public HttpResponse<?> createApiKey(@Body @Valid NewApiKey body, Caller caller,
                                        @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(admin.issueApiKey(caller, body.role(), body.bankId(), body.label()));
    }

    /** Revokes the key at once (a leaked key, a person who left); answers the key without its secret. */
    @Delete("/api-keys/{id}")
    public AdminService.RevokedApiKey revokeApiKey(UUID id, Caller caller) {
        AdminService.RevokedApiKey revoked = admin.revokeApiKey(caller, id);
        // committed: this instance refuses the key from the next request on, without waiting for the notice
        activeKeys.forget();
        return revoked;
    }
}
