package com.ipledge.service.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One link of the audit chain. */
public record AuditEntry(long seq, OffsetDateTime occurredAt, String actor, String action, String entityType,
                         String entityId, UUID bankId, String payload, String prevHash, String hash) {
}
