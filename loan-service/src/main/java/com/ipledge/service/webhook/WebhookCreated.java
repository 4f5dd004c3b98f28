package com.ipledge.service.webhook;

import io.micronaut.core.annotation.Introspected;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The answer to a registration: the only time the signing secret is shown. */
@Introspected
public record WebhookCreated(UUID id, String secret, String url, List<String> events, EndpointStatus status,
                             OffsetDateTime createdAt) {
}
