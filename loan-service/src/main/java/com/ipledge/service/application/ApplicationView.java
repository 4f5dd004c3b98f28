package com.ipledge.service.application;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An application as the API shows it; {@code decisionId} is its latest evaluation's decision (null before one),
 * the answer of {@code GET /applications/{id}/evaluation}.
 */
@Introspected
public record ApplicationView(UUID id, UUID bankId, UUID borrowerId, BigDecimal requestedAmount, int termMonths,
                              String purpose, boolean insurance, List<Collateral> collateral,
                              ApplicationStatus status, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                              ApplicationOrigin origin, @Nullable UUID intakeId, @Nullable UUID decisionId) {
    @Introspected
    public record Collateral(UUID assetId) {
    }

    static ApplicationView of(LoanApplication a) {
        return new ApplicationView(a.id(), a.bankId(), a.borrowerId(), a.requestedAmount(), a.termMonths(),
                a.purpose(), a.insurance(), a.collateralAssetIds().stream().map(Collateral::new).toList(),
                a.status(), a.createdAt(), a.updatedAt(), a.origin(), a.intakeId(), a.decisionId());
    }
}
