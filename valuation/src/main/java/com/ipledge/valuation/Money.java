package com.ipledge.valuation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Doubles from the maths become yuan at the API boundary: scale 2, half up; never a silent NaN. */
final class Money {
    private Money() {
    }

    static BigDecimal yuan(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("non-finite money value " + value + ": an engine defect, not bad input");
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
