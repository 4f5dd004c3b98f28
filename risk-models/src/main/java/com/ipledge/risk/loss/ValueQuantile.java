package com.ipledge.risk.loss;

import java.math.BigDecimal;

/** One point of the collateral value distribution: P(value <= {@code value}) = {@code level}. */
public record ValueQuantile(double level, BigDecimal value) {
}
