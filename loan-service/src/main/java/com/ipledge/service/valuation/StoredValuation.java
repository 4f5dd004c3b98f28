package com.ipledge.service.valuation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A kept valuation as a decision uses it: {@code id} and {@code engineVersion} name it, {@code source} says who made
 * it (the desk's documented default assumptions, {@link DeskAssumptions}, or the bank's own), and {@code basis} why
 * the decision took this one.
 */
public record StoredValuation(UUID id, UUID assetId, BigDecimal collateralValue, BigDecimal reconciledValue,
                              BigDecimal valueScoreTotal, String engineVersion, long seed, LocalDate valuationDate,
                              ValuationSource source, String basis) {

    public boolean desk() {
        return source == ValuationSource.DESK;
    }
}
