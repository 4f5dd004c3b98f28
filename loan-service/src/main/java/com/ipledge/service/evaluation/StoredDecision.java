package com.ipledge.service.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A decision as stored: the figures the lifecycle acts on, every version needed to replay it, and the full
 * answer as given ({@code body}, JSON) so that a repeated evaluation answers byte for byte the same.
 */
public record StoredDecision(UUID id, UUID applicationId, String outcome, BigDecimal approvedLimit,
                             BigDecimal interestRate, String body, String inputHash, UUID evaluatedBy,
                             OffsetDateTime createdAt) {
}
