package com.ipledge.service.monitoring;

import com.ipledge.rules.Severity;
import com.ipledge.rules.SuggestedAction;
import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An alert on a live loan, as stored and answered by {@code GET /alerts}.
 *
 * @param assetId         the pledged asset it is about; null for the whole loan (value drop, LTV breach)
 * @param eventId         the legal-status event that raised it; null when a scheduled job did
 * @param ltv             the loan's LTV (outstanding / current collateral value) when raised; null when no
 *                        collateral value was left
 * @param collateralValue the loan's current collateral value when raised, yuan
 * @param note            the resolution note
 */
@Introspected
public record LoanAlert(UUID id, UUID bankId, UUID loanId, UUID assetId, UUID eventId, String ruleId,
                        Severity severity, SuggestedAction action, String messageZh, String messageEn,
                        AlertStatus status, BigDecimal ltv, BigDecimal collateralValue, String ruleBaseVersion,
                        String parametersVersion, OffsetDateTime createdAt, UUID acknowledgedBy,
                        OffsetDateTime acknowledgedAt, String acknowledgementNote, UUID resolvedBy,
                        OffsetDateTime resolvedAt, String note) {
}
