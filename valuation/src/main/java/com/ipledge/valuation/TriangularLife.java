package com.ipledge.valuation;

/** Economic life in years, triangular(min, mode, max); min = mode = max makes it certain. */
public record TriangularLife(double min, double mode, double max) {

    public static TriangularLife fixed(double years) {
        return new TriangularLife(years, years, years);
    }

    /** Inverse CDF; exactly {@code min} when the life is certain (avoids 0/0 in the mode fraction). */
    double quantile(double u) {
        if (max == min) {
            return min;
        }
        double modeFraction = (mode - min) / (max - min);
        return u < modeFraction
                ? min + Math.sqrt(u * (max - min) * (mode - min))
                : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }

    /** The mean, exactly {@code min} when certain ((a+a+a)/3 need not round back to a). */
    double expected() {
        return max == min ? min : (min + mode + max) / 3;
    }

    double standardDeviation() {
        double a = min;
        double b = max;
        double c = mode;
        return Math.sqrt(Math.max(0, (a * a + b * b + c * c - a * b - a * c - b * c) / 18));
    }
}
