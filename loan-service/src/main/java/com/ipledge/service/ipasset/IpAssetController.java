package com.ipledge.service.ipasset;

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

@Controller("/api/v1/ip-assets")
@Tag(name = "ip-assets")
public class IpAssetController {
    private final IpAssetService assets;
    private final IdempotentRequests idempotent;

    public IpAssetController(IpAssetService assets, IdempotentRequests idempotent) {
        this.assets = assets;
        this.idempotent = idempotent;
    }

    @Post
    @Secured({"BANK_OFFICER", "BANK_APPROVER"})
    public HttpResponse<String> register(@Body NewIpAsset body, Authentication auth,
                                         @Nullable @Header(IdempotentRequests.HEADER) String key) {
        Caller caller = Caller.of(auth);
        return idempotent.execute(caller, key, "POST /ip-assets", body,
                () -> HttpResponse.created(assets.register(caller, body)));
    }

    @Get("/{id}")
    @Secured({"BANK_OFFICER", "BANK_APPROVER", "BUREAU"})
    public IpAssetView get(UUID id, Authentication auth) {
        return assets.get(Caller.of(auth), id);
    }
}
