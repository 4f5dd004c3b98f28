package com.ipledge.rules;

import java.math.BigDecimal;

/**
 * How much one valued asset lends.
 *
 * @param valueGrade    the value-score grade (A, B, ...) from the policy's bands
 * @param ltvCap        the cap applied (type and grade, plus any eco-industry bonus)
 * @param cappedValue   collateral value x cap, rounded down to the fen
 * @param lendingValue  what the asset counts for in the limit: the capped value, or less after a concentration cap
 */
public record CollateralLimit(String assetId, IpType type, BigDecimal collateralValue, String valueGrade,
                              BigDecimal ltvCap, BigDecimal cappedValue, BigDecimal lendingValue) {
}
