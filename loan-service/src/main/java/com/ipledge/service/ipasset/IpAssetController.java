package com.ipledge.service.ipasset;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
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
import io.micronaut.http.annotation.QueryValue;
import com.ipledge.service.web.Page;
import com.ipledge.service.web.SyncWindow;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/ip-assets")
@Tag(name = "ip-assets")
public class IpAssetController {
    private final IpAssetService assets;

    public IpAssetController(IpAssetService assets) {
        this.assets = assets;
    }

    @Post
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "registerIpAsset", summary = "Register an IP asset")
    @Idempotent
    public HttpResponse<?> register(@Body NewIpAsset body, Caller caller,
                                    @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(assets.register(caller, body));
    }

    /**
     * The caller's bank's assets (every bank's for the bureau). With updatedSince or cursor: those changed at or
     * after updatedSince, in (updatedAt, id) order, read on with nextCursor.
     */
    @Get
    @Operation(operationId = "listIpAssets")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    public Page<IpAssetView> list(@Nullable @QueryValue String number, @Nullable @QueryValue String ownerCreditCode,
                                  @Nullable @QueryValue IpType type,
                                  @Parameter(schema = @Schema(type = "string", format = "date-time"))
                                  @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                                  @QueryValue(defaultValue = "0") int page,
                                  @QueryValue(defaultValue = "20") int size, Caller caller) {
        return assets.list(caller, Optional.ofNullable(number), Optional.ofNullable(ownerCreditCode),
                Optional.ofNullable(type), page, size, SyncWindow.of(updatedSince, cursor));
    }

    @Get("/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getIpAsset", summary = "Get an IP asset")
    public IpAssetView get(UUID id, Caller caller) {
        return assets.get(caller, id);
    }
}
