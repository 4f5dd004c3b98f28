package com.ipledge.service.borrower;

import com.ipledge.rules.EcoIndustry;
import com.ipledge.rules.sme.SizeClass;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A firm that borrows from one bank. Its changing facts (employees, annual financials, contact) are those of
 * {@code version}, true as of {@code asOf}; every version is kept ({@code GET /borrowers/{id}/history}).
 */
@Introspected
public record Borrower(UUID id, UUID bankId, String name, String creditCode, String industryCode,
                       EcoIndustry ecoIndustry, String regionCode, int employees, BigDecimal operatingRevenue,
                       BigDecimal totalAssets, LocalDate foundedOn, SizeClass sizeClass, OffsetDateTime createdAt,
                       @Nullable String contactName, @Nullable String contactPhone, @Nullable String contactEmail,
                       int version, LocalDate asOf, OffsetDateTime updatedAt) {
    /** A newly registered borrower: version 1, true as of its registration day. */
    public static Borrower registered(UUID id, UUID bankId, String name, String creditCode, String industryCode,
                                      EcoIndustry ecoIndustry, String regionCode, int employees,
                                      BigDecimal operatingRevenue, BigDecimal totalAssets, LocalDate foundedOn,
                                      SizeClass sizeClass, OffsetDateTime createdAt, LocalDate asOf) {
        return new Borrower(id, bankId, name, creditCode, industryCode, ecoIndustry, regionCode, employees,
                operatingRevenue, totalAssets, foundedOn, sizeClass, createdAt, null, null, null, 1, asOf, createdAt);
    }
}
