package com.ipledge.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money crosses the engine boundary as BigDecimal CNY yuan with 2 decimals; the maths inside uses doubles. */
public final class Money {
    private Money() {
    }

    public static BigDecimal yuan(double amount) {
        if (!Double.isFinite(amount)) {
            throw new ArithmeticException("money amount is not finite: " + amount);
        }
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
