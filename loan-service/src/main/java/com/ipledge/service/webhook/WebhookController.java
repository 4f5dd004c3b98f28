package com.ipledge.service.webhook;

import com.ipledge.service.security.Roles;
import com.ipledge.service.idempotency.Idempotent;
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

    public WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Post
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "registerWebhook",
            summary = "Registers an endpoint; the answer shows its signing secret, once")
    @Idempotent
    public HttpResponse<?> register(@Body NewWebhook body, Caller caller,
                                    @Nullable @Header(IdempotentRequests.HEADER) String key) {
        return HttpResponse.created(webhooks.register(caller, body.url(), body.events()));
    }

    @Get
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listWebhooks", summary = "List webhook endpoints")
    public List<WebhookView> list(Caller caller) {
        return webhooks.list(caller);
    }

    @Get("/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getWebhook", summary = "Get a webhook endpoint")
    public WebhookView get(UUID id, Caller caller) {
        return webhooks.get(caller, id);
    }

    @Delete("/{id}")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "disableWebhook", summary = "Disables the endpoint: nothing more is sent to it")
    public WebhookView disable(UUID id, Caller caller) {
        return webhooks.disable(caller, id);
    }

    @Get("/{id}/deliveries")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER, Roles.BUREAU})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "listWebhookDeliveries",
            summary = "Deliveries to the endpoint, newest event first, with every attempt and its answer")
    public Page<DeliveryView> deliveries(UUID id, @QueryValue(defaultValue = "0") int page,
                                         @QueryValue(defaultValue = "20") int size, Caller caller) {
        return webhooks.deliveries(caller, id, page, size);
    }

    @Post("/{id}/deliveries/{deliveryId}/redelivery")
    @Secured({Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "redeliverWebhookDelivery",
            summary = "Sends a delivery again (same event id); on a paused endpoint, resumes it")
    public HttpResponse<DeliveryView> redeliver(UUID id, UUID deliveryId, @Nullable @Body Redelivery body,
                                                Caller caller) {
        return HttpResponse.status(HttpStatus.ACCEPTED).body(webhooks.redeliver(caller, id, deliveryId));
    }
}
