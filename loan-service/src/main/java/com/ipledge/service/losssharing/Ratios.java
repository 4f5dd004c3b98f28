package com.ipledge.service.losssharing;

import com.ipledge.service.problem.FieldErrors;
import java.math.BigDecimal;

/** Shares, rates and ratios: six decimals, as the columns hold them. */
final class Ratios {
    static final int SCALE = 6;

    private Ratios() {
    }

    static BigDecimal scaled(BigDecimal v) {
        return v == null ? null : v.setScale(SCALE);
    }

    /** Adds an error unless {@code value} is absent or a fraction in [0, 1] ((0, 1] without zero). */
    static void checkFraction(FieldErrors errors, String field, BigDecimal value, boolean zeroAllowed) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0 || (!zeroAllowed && value.signum() == 0)) {
            errors.add(field, zeroAllowed ? "must be between 0 and 1" : "must be greater than 0 and at most 1");
        } else if (value.stripTrailingZeros().scale() > SCALE) {
            errors.add(field, "must have at most " + SCALE + " decimals");
        }
    }
}
