package com.ipledge.valuation;

/**
 * A normal(mean, sd) truncated to [lower, upper], sampled by inversion: u in (0, 1) maps to the quantile
 * Phi^-1(Phi(alpha) + u (Phi(beta) - Phi(alpha))). The two CDF values are computed once, so a draw costs one
 * inverse CDF. With sd = 0 a draw is exactly the mean (no arithmetic at all), which makes the Monte Carlo equal
 * the closed form exactly.
 */
final class TruncatedNormal {
    private final double mean;
    private final double sd;
    private final double lower;
    private final double upper;
    private final double lowerProbability;
    private final double probabilityWidth;

    TruncatedNormal(double mean, double sd, double lower, double upper) {
        this.mean = mean;
        this.sd = sd;
        this.lower = lower;
        this.upper = upper;
        if (sd == 0) {
            this.lowerProbability = 0;
            this.probabilityWidth = 1;
        } else {
            this.lowerProbability = StandardNormal.cdf((lower - mean) / sd);
            this.probabilityWidth = StandardNormal.cdf((upper - mean) / sd) - lowerProbability;
        }
    }

    double mean() {
        return mean;
    }

    double sd() {
        return sd;
    }

    double lower() {
        return lower;
    }

    double upper() {
        return upper;
    }

    /** The draw for uniform u; clamped to the bounds because the approximate inverse CDF may overstep by an ulp. */
    double at(double u) {
        if (sd == 0) {
            return mean;
        }
        double x = mean + sd * StandardNormal.quantile(lowerProbability + u * probabilityWidth);
        return x < lower ? lower : Math.min(x, upper);
    }
}
