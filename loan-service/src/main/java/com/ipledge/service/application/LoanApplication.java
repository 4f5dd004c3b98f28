package com.ipledge.service.application;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An application for an IP-pledge loan, with the assets offered as collateral in the order given. */
@Introspected
public record LoanApplication(UUID id, UUID bankId, UUID borrowerId, BigDecimal requestedAmount, int termMonths,
                              String purpose, boolean insurance, List<UUID> collateralAssetIds,
                              ApplicationStatus status, UUID filedBy, OffsetDateTime createdAt,
                              OffsetDateTime updatedAt, NewApplication.CreditHistory creditHistory,
                              ApplicationOrigin origin, UUID intakeId,
                              @io.micronaut.core.annotation.Nullable UUID decisionId) {
}
