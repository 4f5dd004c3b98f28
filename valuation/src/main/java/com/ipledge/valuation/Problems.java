package com.ipledge.valuation;

import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of a request (with its API path) before one exception reports them all. */
final class Problems {
    private final List<FieldProblem> problems = new ArrayList<>();

    void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidValuationInputException(problems);
        }
    }

    /** Finite and inside [min, max] (each end open or closed); reports and returns false otherwise. */
    boolean checkRange(String field, double value, double min, boolean minOpen, double max, boolean maxOpen) {
        if (!Double.isFinite(value)) {
            add(field, "must be a finite number");
            return false;
        }
        boolean belowMin = minOpen ? value <= min : value < min;
        boolean aboveMax = maxOpen ? value >= max : value > max;
        if (belowMin || aboveMax) {
            add(field, "must be in " + (minOpen ? "(" : "[") + fmt(min) + ", " + fmt(max) + (maxOpen ? ")" : "]"));
            return false;
        }
        return true;
    }

    boolean checkRequired(String field, Object value) {
        if (value == null) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    private static String fmt(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
