package com.ipledge.service.borrower;

import com.ipledge.rules.sme.SizeClass;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One version of a borrower's changing facts: true as of {@code asOf}, the fields it changed from the version
 * before (version 1, the registration, names those it set), who changed them ({@code changedBy}, the API key or
 * user; null for seeded data) and when.
 */
@Introspected
public record BorrowerVersion(int version, LocalDate asOf, int employees, BigDecimal operatingRevenue,
                              BigDecimal totalAssets, SizeClass sizeClass, @Nullable String contactName,
                              @Nullable String contactPhone, @Nullable String contactEmail,
                              List<String> changedFields, @Nullable UUID changedBy, OffsetDateTime changedAt) {
}
