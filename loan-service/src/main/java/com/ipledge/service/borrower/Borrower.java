package com.ipledge.service.borrower;

import com.ipledge.rules.EcoIndustry;
import com.ipledge.rules.sme.SizeClass;
import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A firm that borrows from one bank. */
@Introspected
public record Borrower(UUID id, UUID bankId, String name, String creditCode, String industryCode,
                       EcoIndustry ecoIndustry, String regionCode, int employees, BigDecimal operatingRevenue,
                       BigDecimal totalAssets, LocalDate foundedOn, SizeClass sizeClass, OffsetDateTime createdAt) {
}
