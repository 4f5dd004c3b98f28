package com.ipledge.rules.params;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Interest rate = reference rate + spread for the risk grade - eco-industry discount.
 *
 * @param referenceRate   the 1-year loan prime rate (LPR), e.g. 0.0300
 * @param spreadByGrade   spread over the reference rate per risk grade (e.g. "B1" -> 0.0150)
 * @param ecoRateDiscount taken off the rate for a favoured eco-industry borrower
 */
public record PricingPolicy(BigDecimal referenceRate, Map<String, BigDecimal> spreadByGrade,
                            BigDecimal ecoRateDiscount) {
}
