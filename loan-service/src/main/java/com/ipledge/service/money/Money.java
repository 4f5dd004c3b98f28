package com.ipledge.service.money;

import com.ipledge.service.problem.FieldErrors;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in CNY yuan: at most 2 decimals, never negative, never absurd. */
public final class Money {
    /** Ten trillion yuan: above any balance sheet this service will see; larger numbers are typos or attacks. */
    public static final BigDecimal MAX = new BigDecimal("10000000000000");

    private Money() {
    }

    public static BigDecimal yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Records why {@code amount} is not an acceptable amount of yuan under {@code field}. */
    public static void check(FieldErrors errors, String field, BigDecimal amount, boolean mustBePositive) {
        if (amount == null) {
            errors.add(field, "is required");
        } else if (amount.signum() < 0 || (mustBePositive && amount.signum() == 0)) {
            errors.add(field, mustBePositive ? "must be greater than 0" : "must not be negative");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(field, "must have at most 2 decimals (yuan and fen)");
        } else if (amount.compareTo(MAX) > 0) {
            errors.add(field, "is not a plausible amount (more than " + MAX.toPlainString() + " yuan)");
        }
    }
}
