package com.ipledge.rules.engine;

import com.ipledge.rules.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects field-level problems so that one bad request reports all of its bad fields at once. */
public final class Checks {
    private final List<Problem> problems = new ArrayList<>();

    public List<Problem> problems() {
        return problems;
    }

    public void add(String field, String message) {
        problems.add(new Problem(field, message));
    }

    /** Records a problem when {@code value} is null; answers whether it is present. */
    public boolean present(String field, Object value) {
        if (value == null) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    public void positive(String field, BigDecimal value) {
        if (present(field, value) && value.signum() <= 0) {
            add(field, "must be greater than 0");
        }
    }

    public void nonNegative(String field, BigDecimal value) {
        if (present(field, value) && value.signum() < 0) {
            add(field, "must not be negative");
        }
    }

    /** A money amount: not negative and at most 2 decimals (fen). */
    public void money(String field, BigDecimal value, boolean strictlyPositive) {
        if (!present(field, value)) {
            return;
        }
        if (strictlyPositive ? value.signum() <= 0 : value.signum() < 0) {
            add(field, strictlyPositive ? "must be greater than 0" : "must not be negative");
        } else if (value.stripTrailingZeros().scale() > 2) {
            add(field, "must have at most 2 decimals");
        }
    }

    /** A rate or share in [0, 1]. */
    public void fraction(String field, BigDecimal value) {
        if (present(field, value) && (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0)) {
            add(field, "must be between 0 and 1");
        }
    }

    public void notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        }
    }

    public void atLeast(String field, int value, int minimum) {
        if (value < minimum) {
            add(field, "must be at least " + minimum);
        }
    }
}
