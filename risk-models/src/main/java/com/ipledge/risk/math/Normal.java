package com.ipledge.risk.math;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The standard normal distribution: N (the CDF) and G (its inverse), as named in the Basel formulas. */
public final class Normal {
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0.0, 1.0,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    private static final double SQRT_2PI = 2.506628274631000502415765;

    private Normal() {
    }

    /**
     * N(x), Hart's (1968) double-precision algorithm 5666 as given by West (2005), "Better approximations to
     * cumulative normal functions": absolute error below 1e-14 and no call into special functions besides one
     * exp, which is why the Monte Carlo inner loops use it rather than Commons Math's erf.
     */
    public static double cdf(double x) {
        double a = Math.abs(x);
        double tail;
        if (a > 37.0) {
            tail = 0.0;
        } else {
            double e = Math.exp(-a * a / 2.0);
            if (a < 7.07106781186547) {
                double num = 3.52624965998911E-02 * a + 0.700383064443688;
                num = num * a + 6.37396220353165;
                num = num * a + 33.912866078383;
                num = num * a + 112.079291497871;
                num = num * a + 221.213596169931;
                num = num * a + 220.206867912376;
                double den = 8.83883476483184E-02 * a + 1.75566716318264;
                den = den * a + 16.064177579207;
                den = den * a + 86.7807322029461;
                den = den * a + 296.564248779674;
                den = den * a + 637.333633378831;
                den = den * a + 793.826512519948;
                den = den * a + 440.413735824752;
                tail = e * num / den;
            } else {
                double b = a + 0.65;
                b = a + 4.0 / b;
                b = a + 3.0 / b;
                b = a + 2.0 / b;
                b = a + 1.0 / b;
                tail = e / b / SQRT_2PI;
            }
        }
        return x > 0 ? 1.0 - tail : tail;
    }

    /** G(p), the inverse of N; G(0) = -infinity and G(1) = +infinity. */
    public static double inverse(double p) {
        if (p <= 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        return STANDARD.inverseCumulativeProbability(p);
    }
}
