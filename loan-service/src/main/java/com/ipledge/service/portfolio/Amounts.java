package com.ipledge.service.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the portfolio views round what they answer: yuan to the fen, shares to six decimals. */
final class Amounts {
    private static final int SHARE_SCALE = 6;

    private Amounts() {
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(SHARE_SCALE)
                : part.divide(whole, SHARE_SCALE, RoundingMode.HALF_UP);
    }
}
