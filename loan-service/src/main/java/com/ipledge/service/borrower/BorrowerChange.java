package com.ipledge.service.borrower;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The body of {@code PATCH /borrowers/{id}}: the facts that change, true as of {@code asOf}. A field left out (or
 * null) keeps its value; an empty contact field clears it. Name, credit code, industry, region and founding date
 * are the firm's identity and are not changed here.
 */
@Introspected
public record BorrowerChange(LocalDate asOf, @Nullable Integer employees, @Nullable BigDecimal operatingRevenue,
                             @Nullable BigDecimal totalAssets, @Nullable String contactName,
                             @Nullable String contactPhone, @Nullable String contactEmail) {
}
