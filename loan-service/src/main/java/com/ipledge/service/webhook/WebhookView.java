package com.ipledge.service.webhook;

import io.micronaut.core.annotation.Introspected;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint as a bank reads it; never its secret.
 *
 * @param pausedReason why deliveries stopped (status PAUSED): the event that kept failing and its last answer
 */
@Introspected
public record WebhookView(UUID id, String url, List<String> events, EndpointStatus status, String pausedReason,
                          OffsetDateTime pausedAt, OffsetDateTime createdAt, OffsetDateTime disabledAt) {
    static WebhookView of(WebhookEndpoint e) {
        return new WebhookView(e.id(), e.url(), e.events(), e.status(), e.pausedReason(), e.pausedAt(),
                e.createdAt(), e.disabledAt());
    }
}
