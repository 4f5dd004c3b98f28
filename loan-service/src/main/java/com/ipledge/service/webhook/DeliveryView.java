package com.ipledge.service.webhook;

import io.micronaut.core.annotation.Introspected;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One event's delivery to one endpoint, and every request made for it.
 *
 * @param status        PENDING (not yet answered with a 2xx) or DELIVERED
 * @param failures      failed attempts since the last success or re-send
 * @param nextAttemptAt when a PENDING delivery is tried next (later events of its loan wait for it)
 */
@Introspected
public record DeliveryView(UUID id, UUID eventId, String eventType, String status, int failures,
                           OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, OffsetDateTime createdAt,
                           List<Attempt> attempts) {

    /** One request: the HTTP status and the start of the answer's body, or the error when there was no answer. */
    @Introspected
    public record Attempt(OffsetDateTime attemptedAt, Integer httpStatus, String answer, String error,
                          long durationMs) {
    }
}
