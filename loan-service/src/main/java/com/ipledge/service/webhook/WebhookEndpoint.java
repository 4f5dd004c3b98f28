package com.ipledge.service.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A bank's registered receiver, as stored (the secret included: it signs every request). */
record WebhookEndpoint(UUID id, UUID bankId, String url, List<String> events, String secret, EndpointStatus status,
                       String pausedReason, OffsetDateTime pausedAt, OffsetDateTime createdAt,
                       OffsetDateTime disabledAt) {
}
