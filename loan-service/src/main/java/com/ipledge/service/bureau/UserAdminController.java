package com.ipledge.service.bureau;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/admin/users}: people who sign in to the pages (bureau analysts, bank staff). */
@Controller("/api/v1/admin")
@Secured(Roles.ADMIN)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "admin")
public class UserAdminController {
    private final UserService users;
    private final IdempotentRequests idempotent;

    public UserAdminController(UserService users, IdempotentRequests idempotent) {
        this.users = users;
        this.idempotent = idempotent;
    }

    @Post("/users")
    @Operation(operationId = "createUser",
            summary = "Create a page user {username, password (>= 12 characters), role BUREAU / BANK_OFFICER / "
            + "BANK_APPROVER, bankId for bank roles}; answers the user without the password")
    public HttpResponse<String> create(@Body UserService.NewUser body, Caller caller,
                                       @Nullable @Header(IdempotentRequests.HEADER) String key) {
        users.validate(body);
        Object request = key == null ? body : users.idempotencyView(body, key);
        return idempotent.execute(caller, key, "POST /admin/users", request,
                () -> HttpResponse.created(users.create(caller, body)));
    }
}
