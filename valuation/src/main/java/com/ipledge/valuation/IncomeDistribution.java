package com.ipledge.valuation;

import java.math.BigDecimal;

/** Mean and quantiles of a value distribution, yuan, scale 2. Quantiles are ordered p5 <= p10 <= ... <= p95. */
public record IncomeDistribution(BigDecimal mean, BigDecimal p5, BigDecimal p10, BigDecimal p50, BigDecimal p90,
        BigDecimal p95) {
}
