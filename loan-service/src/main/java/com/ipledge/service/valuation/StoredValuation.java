package com.ipledge.service.valuation;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A kept valuation as a decision uses it: {@code id} and {@code engineVersion} name it, {@code source} says who made
 * it (the desk's documented default assumptions, {@link DeskAssumptions}, the bank's own, or an appraisal report the
 * bank posted), and {@code basis} why the decision took this one. {@code assumptions} are what it assumed (those an
 * appraisal report states; null when it states none) and {@code deskValue} what the desk values the asset at today,
 * for the plausibility rules (null for a desk valuation: it is not compared with itself).
 */
public record StoredValuation(UUID id, UUID assetId, BigDecimal collateralValue, BigDecimal reconciledValue,
                              BigDecimal valueScoreTotal, String engineVersion, long seed, LocalDate valuationDate,
                              ValuationSource source, String basis, @Nullable Assumptions assumptions,
                              @Nullable BigDecimal deskValue, @Nullable UUID appraisalReportId) {

    /**
     * The assumptions the plausibility rules check: revenue attributed to the asset in the first year, royalty rate
     * (mean), the longest economic life, and the legal life left at the valuation date (null for marks: they renew).
     */
    public record Assumptions(@Nullable BigDecimal baseRevenue, @Nullable BigDecimal royaltyRate,
                              @Nullable BigDecimal economicLifeYears, @Nullable BigDecimal remainingLegalLifeYears) {
    }

    public boolean desk() {
        return source == ValuationSource.DESK;
    }
}
