package com.ipledge.rules.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** rate = reference rate + spread - eco-industry discount, scale 4 (one basis point). */
public record InterestRate(BigDecimal referenceRate, BigDecimal spread, BigDecimal ecoDiscount) {
    public BigDecimal rate() {
        return referenceRate.add(spread).subtract(ecoDiscount).setScale(4, RoundingMode.HALF_UP);
    }
}
