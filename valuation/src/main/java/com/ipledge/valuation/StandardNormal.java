package com.ipledge.valuation;

import org.apache.commons.math3.special.Erf;

/** The standard normal distribution functions the sampler needs, chosen for speed where it matters. */
final class StandardNormal {
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double SMALLEST_UNIT = 0x1.0p-52;

    private StandardNormal() {
    }

    /** Accurate CDF (Commons Math erfc); used once per input per valuation, never per path. */
    static double cdf(double x) {
        if (x == Double.NEGATIVE_INFINITY) {
            return 0.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        return 0.5 * Erf.erfc(-x / SQRT2);
    }

    // Acklam's rational approximations of the normal quantile (relative error below 1.15e-9)
    private static final double A1 = -3.969683028665376e+01;
    private static final double A2 = 2.209460984245205e+02;
    private static final double A3 = -2.759285104469687e+02;
    private static final double A4 = 1.383577518672690e+02;
    private static final double A5 = -3.066479806614716e+01;
    private static final double A6 = 2.506628277459239e+00;
    private static final double B1 = -5.447609879822406e+01;
    private static final double B2 = 1.615858368580409e+02;
    private static final double B3 = -1.556989798598866e+02;
    private static final double B4 = 6.680131188771972e+01;
    private static final double B5 = -1.328068155288572e+01;
    private static final double C1 = -7.784894002430293e-03;
    private static final double C2 = -3.223964580411365e-01;
    private static final double C3 = -2.400758277161838e+00;
    private static final double C4 = -2.549732539343734e+00;
    private static final double C5 = 4.374664141464968e+00;
    private static final double C6 = 2.938163982698783e+00;
    private static final double D1 = 7.784695709041462e-03;
    private static final double D2 = 3.224671290700398e-01;
    private static final double D3 = 2.445134137142996e+00;
    private static final double D4 = 3.754408661907416e+00;
    private static final double P_LOW = 0.02425;

    /**
     * Inverse CDF by P. J. Acklam's algorithm (relative error below 1.15e-9, immaterial for sampling): a rational
     * function in the central 95 % of draws, one logarithm and square root in the tails. It is the per-draw
     * transform, so speed matters: Commons Math's erfInv costs a logarithm on every call and was 4-5 times slower.
     * Inversion, rather than a rejection method, gives a fixed count of uniforms per path and a monotone coupling:
     * with the same seed a higher mean moves every draw up, so comparisons between valuations (and the tornado)
     * carry no sampling noise.
     */
    static double quantile(double p) {
        double u = Math.min(Math.max(p, SMALLEST_UNIT), 1 - SMALLEST_UNIT);
        if (u < P_LOW) {
            double q = Math.sqrt(-2 * Math.log(u));
            return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6)
                    / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        if (u > 1 - P_LOW) {
            double q = Math.sqrt(-2 * Math.log(1 - u));
            return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6)
                    / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        double q = u - 0.5;
        double r = q * q;
        return (((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q
                / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
    }

    /**
     * Fast CDF for the bundle's Gaussian copula (Numerical Recipes' erfc Chebyshev fit, relative error below
     * 1.2e-7): only maps correlated normals back to uniforms, where that error is immaterial. Result kept inside
     * the open unit interval so that the next inverse CDF stays finite.
     */
    static double copulaCdf(double x) {
        double z = Math.abs(x) / SQRT2;
        double t = 1 / (1 + 0.5 * z);
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        double p = x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
        return Math.min(Math.max(p, SMALLEST_UNIT), 1 - SMALLEST_UNIT);
    }
}
