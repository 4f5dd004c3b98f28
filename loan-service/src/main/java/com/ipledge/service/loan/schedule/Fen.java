package com.ipledge.service.loan.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan amounts with exactly two decimals (fen): the one place that decides scale and rounding of money here. */
final class Fen {
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Fen() {
    }

    /** {@code amount} with scale 2; an amount with a non-zero third decimal is a bug of the caller, not rounded away. */
    static BigDecimal exact(BigDecimal amount, String what) {
        if (amount == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (hasMoreThanTwoDecimals(amount)) {
            throw new IllegalArgumentException(what + " has more than 2 decimals: " + amount.toPlainString());
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** {@code amount} rounded half-up to the fen, the rounding every computed amount of a schedule uses. */
    static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static boolean hasMoreThanTwoDecimals(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() > 2;
    }
}
