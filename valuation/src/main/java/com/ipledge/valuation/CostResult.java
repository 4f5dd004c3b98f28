package com.ipledge.valuation;

import java.math.BigDecimal;

/** The cost approach: reproduction cost times the fraction left after the three obsolescences. */
public record CostResult(BigDecimal value, BigDecimal reproductionCost, double remainingFraction) {
}
