package com.ipledge.valuation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One comparable transaction. Its adjusted price is {@code price x product(adjustmentFactors)} (each factor
 * brings the comparable to the subject: e.g. 0.9 for a shorter remaining life, 1.1 for a larger market); the
 * market value is the weighted mean of the adjusted prices.
 *
 * @param weight null means 1
 */
public record MarketComparable(String description, BigDecimal price, List<Double> adjustmentFactors, Double weight) {
    public MarketComparable {
        adjustmentFactors = Lists.copyOf(adjustmentFactors);
    }
}
