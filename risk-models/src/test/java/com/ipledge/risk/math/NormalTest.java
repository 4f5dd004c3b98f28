package com.ipledge.risk.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class NormalTest {
    private static final NormalDistribution REFERENCE = new NormalDistribution(null, 0, 1, 1e-12);

    @Property
    void cdfAgreesWithCommonsMathToDoublePrecision(@ForAll @DoubleRange(min = -40, max = 40) double x) {
        double expected = REFERENCE.cumulativeProbability(x);
        assertEquals(expected, Normal.cdf(x), 1e-14 + 1e-12 * expected);
    }

    @Test
    void knownValues() {
        assertEquals(0.5, Normal.cdf(0), 1e-16);
        assertEquals(0.975002104851780, Normal.cdf(1.96), 1e-14);
        assertEquals(3.090232306167813, Normal.inverse(0.999), 1e-9);
        assertEquals(1.0, Normal.cdf(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Normal.cdf(Double.NEGATIVE_INFINITY));
    }
}
