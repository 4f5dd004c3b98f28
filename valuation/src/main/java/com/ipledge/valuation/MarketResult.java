package com.ipledge.valuation;

import java.math.BigDecimal;
import java.util.List;

/** The market approach: weighted mean of the comparables' adjusted prices (listed in request order). */
public record MarketResult(BigDecimal value, List<BigDecimal> adjustedPrices) {
    public MarketResult {
        adjustedPrices = List.copyOf(adjustedPrices);
    }
}
