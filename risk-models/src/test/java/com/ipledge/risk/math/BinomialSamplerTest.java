package com.ipledge.risk.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** The sampler against the exact Binomial pmf: mean, variance and a chi-square goodness of fit. */
class BinomialSamplerTest {
    private static final int DRAWS = 200_000;

    @Test
    void smallMeanUsesInversionAndMatchesThePmf() {
        assertFits(50, 0.03);
    }

    @Test
    void largeMeanUsesBtrsAndMatchesThePmf() {
        assertFits(100_000, 0.02);
        assertFits(200, 0.3);
    }

    @Test
    void pAboveHalfIsMirrored() {
        assertFits(1000, 0.9);
    }

    @Test
    void edges() {
        Xoshiro256 r = new Xoshiro256(1);
        assertEquals(0, BinomialSampler.sample(r, 100, 0.0));
        assertEquals(100, BinomialSampler.sample(r, 100, 1.0));
        assertEquals(0, BinomialSampler.sample(r, 0, 0.5));
    }

    private static void assertFits(int n, double p) {
        Xoshiro256 r = new Xoshiro256(n * 31L + (long) (p * 1000));
        BinomialDistribution exact = new BinomialDistribution(null, n, p);
        double mean = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        int lo = (int) Math.max(0, Math.floor(mean - 5 * sd));
        int hi = (int) Math.min(n, Math.ceil(mean + 5 * sd));
        long[] counts = new long[hi - lo + 1];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < DRAWS; i++) {
            long k = BinomialSampler.sample(r, n, p);
            sum += k;
            sumSq += (double) k * k;
            if (k >= lo && k <= hi) {
                counts[(int) (k - lo)]++;
            }
        }
        double sampleMean = sum / DRAWS;
        double sampleVar = sumSq / DRAWS - sampleMean * sampleMean;
        // 5 standard errors of the mean and (roughly) of the variance
        assertEquals(mean, sampleMean, 5 * sd / Math.sqrt(DRAWS));
        assertEquals(sd * sd, sampleVar, 5 * sd * sd * Math.sqrt(2.0 / DRAWS) + 1e-9);
        // chi-square over cells with expected count >= 20
        double chi2 = 0;
        int cells = 0;
        for (int k = lo; k <= hi; k++) {
            double expected = DRAWS * exact.probability(k);
            if (expected >= 20) {
                double d = counts[k - lo] - expected;
                chi2 += d * d / expected;
                cells++;
            }
        }
        // chi-square with `cells - 1` degrees of freedom: mean df, sd sqrt(2 df); 6 sd is far beyond chance
        int df = cells - 1;
        assertTrue(chi2 < df + 6 * Math.sqrt(2.0 * df), "chi2 " + chi2 + " with " + df + " df for n=" + n + " p=" + p);
    }
}
