package com.ipledge.rules.params;

import java.math.BigDecimal;

/** A value-score grade: an asset whose value score total is at least {@code minScore} gets {@code grade}. */
public record ValueGradeBand(String grade, BigDecimal minScore) {
}
