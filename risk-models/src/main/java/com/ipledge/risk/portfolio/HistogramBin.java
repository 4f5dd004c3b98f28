package com.ipledge.risk.portfolio;

import java.math.BigDecimal;

/** Scenarios whose loss is in [from, to) (the last bin includes its upper edge). */
public record HistogramBin(BigDecimal from, BigDecimal to, long count) {
}
