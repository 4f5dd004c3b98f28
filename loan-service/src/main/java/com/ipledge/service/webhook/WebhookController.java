package com.ipledge.service.webhook;

import com.ipledge.service.idempotency.IdempotentRequests;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/webhooks")
@Tag(name = "webhooks")
public class WebhookController {
    /**
     * @param url    https, to a public address (plain http to 127.0.0.1 or localhost only where the service allows it)
     * @param events event types to receive, e.g. {@code loan.disbursed} (see the document's webhooks)
     */
    @Introspected
    public record NewWebhook(String url, List<String> events) {
    }

    /** A re-send takes no fields; the body may be empty or {@code {}}. */
    @Introspected
    public record Redelivery() {
    }

    private final WebhookService webhooks;
    private final IdempotentRequests idempotent;

    public WebhookController(WebhookService webhooks, IdempotentRequests idempotent) {
        this.webhooks = webhooks;
        this.idempotent = idempotent;
    }

    @Post
    @Secured({"BANK_OFFICER", "BANK_APPROVER"})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "registerWebhook",
            summary = "Registers an endpoint; the answer shows its signing secret, once")
    public HttpResponse<String> register(@Body NewWebhook body, Authentication auth,
                                         @Nullable @Header(IdempotentRequests.HEADER) String key) {
        Caller caller = Caller.of(auth);
        return idempotent.execute(caller, key, "POST /webhooks", body,
                () -> HttpResponse.created(webhooks.register(caller, body.url(), body.events())));
    }

    @Get
    @Secured({"BANK_OFFICER", "BANK_APPROVER", "BUREAU"})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listWebhooks", summary = "List webhook endpoints")
    public List<WebhookView> list(Authentication auth) {
        return webhooks.list(Caller.of(auth));
    }

    @Get("/{id}")
    @Secured({"BANK_OFFICER", "BANK_APPROVER", "BUREAU"})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getWebhook", summary = "Get a webhook endpoint")
    public WebhookView get(UUID id, Authentication auth) {
        return webhooks.get(Caller.of(auth), id);
    }

    @Delete("/{id}")
    @Secured({"BANK_OFFICER", "BANK_APPROVER"})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "disableWebhook", summary = "Disables the endpoint: nothing more is sent to it")
    public WebhookView disable(UUID id, Authentication auth) {
        return webhooks.disable(Caller.of(auth), id);
    }

    @Get("/{id}/deliveries")
    @Secured({"BANK_OFFICER", "BANK_APPROVER", "BUREAU"})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listWebhookDeliveries",
            summary = "Deliveries to the endpoint, newest event first, with every attempt and its answer")
    public Page<DeliveryView> deliveries(UUID id, @QueryValue(defaultValue = "0") int page,
                                         @QueryValue(defaultValue = "20") int size, Authentication auth) {
        return webhooks.deliveries(Caller.of(auth), id, page, size);
    }

    @Post("/{id}/deliveries/{deliveryId}/redelivery")
    @Secured({"BANK_OFFICER", "BANK_APPROVER"})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "redeliverWebhookDelivery",
            summary = "Sends a delivery again (same event id); on a paused endpoint, resumes it")
    public HttpResponse<DeliveryView> redeliver(UUID id, UUID deliveryId, @Nullable @Body Redelivery body,
                                                Authentication auth) {
        return HttpResponse.status(HttpStatus.ACCEPTED).body(webhooks.redeliver(Caller.of(auth), id, deliveryId));
    }
}
