package com.ipledge.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class NumericsTest {
    private static final NormalDistribution N = new NormalDistribution(0, 1);

    @Test
    void theInverseCdfAgreesWithCommonsMathToAcklamsStatedAccuracy() {
        for (double p : new double[] {1e-6, 0.001, 0.02, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.98, 0.999}) {
            double exact = N.inverseCumulativeProbability(p);
            assertEquals(exact, StandardNormal.quantile(p), 1.2e-9 * Math.abs(exact) + 1e-15);
        }
        // far tails: Commons Math's 2p - 1 cancels there, so check through the (accurate) CDF instead
        for (double p : new double[] {1e-15, 1e-12, 1e-9}) {
            assertEquals(1.0, N.cumulativeProbability(StandardNormal.quantile(p)) / p, 1e-7);
        }
    }

    @Test
    void theCopulaCdfIsAccurateEnoughForSampling() {
        for (double x = -6; x <= 6; x += 0.25) {
            assertEquals(N.cumulativeProbability(x), StandardNormal.copulaCdf(x), 2e-7);
        }
    }

    @Test
    void truncatedDrawsStayInsideTheirBoundsAndHaveTheRightMean() {
        // royalty mean 0.02, sd 0.02: truncation at 0 binds. Truncated mean = mu + sd phi(a)/(1 - Phi(a)), a = -1
        TruncatedNormal royalty = new TruncatedNormal(0.02, 0.02, 0, 1);
        RandomStream random = new RandomStream(1);
        double sum = 0;
        int n = 400_000;
        for (int i = 0; i < n; i++) {
            double x = royalty.at(random.nextOpenUnit());
            assertTrue(x >= 0 && x <= 1);
            sum += x;
        }
        double expected = 0.02 + 0.02 * N.density(-1) / (1 - N.cumulativeProbability(-1));
        assertEquals(expected, sum / n, 1e-4);
    }

    @Test
    void theGeneratorIsSeededDeterministicallyAndUniform() {
        RandomStream a = new RandomStream(5);
        RandomStream b = new RandomStream(5);
        RandomStream c = new RandomStream(6);
        double sum = 0;
        for (int i = 0; i < 100_000; i++) {
            double u = a.nextOpenUnit();
            assertEquals(u, b.nextOpenUnit());
            assertTrue(u > 0 && u < 1);
            sum += u;
        }
        assertEquals(0.5, sum / 100_000, 0.005);
        assertNotEquals(new RandomStream(5).nextLong(), c.nextLong());
    }

    @Test
    void theTriangularQuantileIsExactAtItsEnds() {
        TriangularLife life = new TriangularLife(4, 6, 10);
        assertEquals(4.0, life.quantile(0), 0.0);
        assertEquals(6.0, life.quantile(2.0 / 6), 1e-12);
        assertEquals(10.0, life.quantile(1), 0.0);
        assertEquals(20.0 / 3, life.expected(), 1e-12);
        assertEquals(7.3, TriangularLife.fixed(7.3).quantile(0.42), 0.0);
        assertEquals(7.3, TriangularLife.fixed(7.3).expected(), 0.0);
    }

    @Test
    void theMeanOfEqualValuesIsExactlyThatValue() {
        double[] v = new double[10_000];
        java.util.Arrays.fill(v, 0.1 + 0.2);
        assertEquals(0.1 + 0.2, Quantiles.mean(v), 0.0);
    }

    @Test
    void growthEqualToTheDiscountRateIsAPlainCount() {
        IncomeModel model = new IncomeModel(1_000_000, 0.25, Discounting.END_YEAR, Double.POSITIVE_INFINITY, false,
                0, 1);
        // q = 1: each year is worth 37,500 / 1.1; 4.5 years
        assertEquals(4.5 * 37_500 / 1.1, model.presentValue(0.1, 0.05, 0.1, 4.5), 1e-6);
        assertEquals(4.5 * 37_500 / 1.1, model.presentValue(0.1 + 1e-13, 0.05, 0.1, 4.5), 1e-4);
    }
}
