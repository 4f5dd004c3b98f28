package com.ipledge.service.valuation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A kept valuation as a decision uses it: {@code id} and {@code engineVersion} name it, {@code desk} says the service
 * made it with its documented default assumptions ({@link DeskAssumptions}) rather than a bank's.
 */
public record StoredValuation(UUID id, UUID assetId, BigDecimal collateralValue, BigDecimal reconciledValue,
                              BigDecimal valueScoreTotal, String engineVersion, long seed, LocalDate valuationDate,
                              boolean desk) {
}
