package com.ipledge.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects input problems while an engine validates a request, then throws them all at once. */
public final class Problems {
    private final List<RiskInputException.Problem> found = new ArrayList<>();

    public Problems add(String field, String message) {
        found.add(new RiskInputException.Problem(field, message));
        return this;
    }

    /** A probability or rate that must be a finite number in [0, 1]. */
    public Problems unitInterval(String field, double value) {
        if (!Double.isFinite(value) || value < 0.0 || value > 1.0) {
            add(field, "must be a number between 0 and 1, was " + value);
        }
        return this;
    }

    /** A money amount that must be present and not negative. */
    public Problems nonNegativeMoney(String field, BigDecimal value) {
        if (value == null) {
            add(field, "is required");
        } else if (value.signum() < 0) {
            add(field, "must not be negative, was " + value.toPlainString());
        }
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new RiskInputException(found);
        }
    }
}
