package com.ipledge.risk.math;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * Exact Binomial(n, p) variates in O(1) expected time, so that a group of identical loans costs the same whatever
 * its size. For n·min(p, 1-p) below 10 it inverts the CDF by sequential search (at most a handful of steps);
 * above that it uses Hörmann's BTRS, "The generation of binomial random variates", J. Statist. Comput. Simul. 46
 * (1993), a transformed rejection with squeeze whose acceptance test uses exact log-factorial differences (the
 * Stirling tail correction below), so no normal approximation is made anywhere.
 */
public final class BinomialSampler {
    private static final double[] STIRLING_TAIL = new double[10];

    static {
        // ln k! - [(k + 1/2) ln(k + 1) - (k + 1) + ln(2 pi)/2], computed exactly for small k
        double halfLn2Pi = 0.5 * Math.log(2.0 * Math.PI);
        for (int k = 0; k < STIRLING_TAIL.length; k++) {
            STIRLING_TAIL[k] = Gamma.logGamma(k + 1.0) - ((k + 0.5) * Math.log(k + 1.0) - (k + 1.0) + halfLn2Pi);
        }
    }

    private BinomialSampler() {
    }

    public static long sample(RandomGenerator random, long n, double p) {
        if (n <= 0 || p <= 0.0) {
            return 0;
        }
        if (p >= 1.0) {
            return n;
        }
        if (p > 0.5) {
            return n - sample(random, n, 1.0 - p);
        }
        if (n * p < 10.0) {
            return inversion(random, n, p);
        }
        return btrs(random, n, p);
    }

    private static long inversion(RandomGenerator random, long n, double p) {
        double q = 1.0 - p;
        double ratio = p / q;
        double pmf = Math.exp(n * Math.log1p(-p));
        double u = random.nextDouble();
        long k = 0;
        while (u > pmf && k < n) {
            u -= pmf;
            pmf *= ratio * (n - k) / (k + 1.0);
            k++;
            if (pmf == 0.0) {
                // underflow far in the tail: restart rather than return a biased draw
                u = random.nextDouble();
                pmf = Math.exp(n * Math.log1p(-p));
                k = 0;
            }
        }
        return k;
    }

    private static long btrs(RandomGenerator random, long n, double p) {
        double q = 1.0 - p;
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double r = p / q;
        double alpha = (2.83 + 5.1 / b) * spq;
        long m = (long) Math.floor((n + 1) * p);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2.0 * a / us + b) * u + c);
            if (k < 0 || k > n) {
                continue;
            }
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            double lv = Math.log(v * alpha / (a / (us * us) + b));
            double bound = (m + 0.5) * Math.log((m + 1.0) / (r * (n - m + 1.0)))
                    + (n + 1.0) * Math.log((n - m + 1.0) / (n - k + 1.0))
                    + (k + 0.5) * Math.log(r * (n - k + 1.0) / (k + 1.0))
                    + stirlingTail(m) + stirlingTail(n - m) - stirlingTail(k) - stirlingTail(n - k);
            if (lv <= bound) {
                return k;
            }
        }
    }

    private static double stirlingTail(long k) {
        if (k < STIRLING_TAIL.length) {
            return STIRLING_TAIL[(int) k];
        }
        double kp1 = k + 1.0;
        double kp1sq = kp1 * kp1;
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / kp1;
    }
}
