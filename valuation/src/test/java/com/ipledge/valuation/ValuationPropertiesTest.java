package com.ipledge.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/**
 * Monotonicity of the whole engine (value score included), on the Monte Carlo itself: with the same seed the
 * inverse-CDF sampler moves every path the same way, so these hold exactly, not just on average.
 */
class ValuationPropertiesTest {
    private static final ValuationEngine ENGINE = new ValuationEngine();
    private static final int PATHS = 2_000;

    private static BigDecimal mean(AssetFacts asset, double revenue, double royalty, double discount) {
        IncomeAssumptions a = IncomeAssumptions.of(Fixtures.VALUATION_DATE, BigDecimal.valueOf(revenue),
                new Distribution(0.04, 0.03), new Distribution(royalty, royalty / 4), new Distribution(discount, 0.02),
                0.25, new TriangularLife(4, 8, 14), Discounting.MID_YEAR);
        return ENGINE.value(ValuationRequest.income(asset, a).withPathsAndSeed(PATHS, 17L)).income().mean();
    }

    @Property(tries = 40)
    void valueRisesWithRevenue(@ForAll @DoubleRange(min = 1e4, max = 1e8) double revenue,
            @ForAll @DoubleRange(min = 1.01, max = 3) double factor) {
        assertTrue(mean(Fixtures.richInvention(), revenue * factor, 0.05, 0.12)
                .compareTo(mean(Fixtures.richInvention(), revenue, 0.05, 0.12)) > 0);
    }

    @Property(tries = 40)
    void valueRisesWithTheRoyaltyRate(@ForAll @Scale(4) @DoubleRange(min = 0.005, max = 0.3) double royalty,
            @ForAll @DoubleRange(min = 1.01, max = 2) double factor) {
        assertTrue(mean(Fixtures.richInvention(), 2e6, royalty * factor, 0.12)
                .compareTo(mean(Fixtures.richInvention(), 2e6, royalty, 0.12)) > 0);
    }

    @Property(tries = 40)
    void valueFallsWithTheDiscountRate(@ForAll @DoubleRange(min = 0.03, max = 0.5) double discount,
            @ForAll @Scale(4) @DoubleRange(min = 0.005, max = 0.3) double step) {
        assertTrue(mean(Fixtures.richInvention(), 2e6, 0.05, discount + step)
                .compareTo(mean(Fixtures.richInvention(), 2e6, 0.05, discount)) < 0);
    }

    @Property(tries = 40)
    void valueNeverRisesWhenLegalLifeShrinks(@ForAll @IntRange(min = 0, max = 7000) int filedDaysAgo,
            @ForAll @IntRange(min = 1, max = 1500) int earlier) {
        LocalDate later = Fixtures.VALUATION_DATE.minusDays(filedDaysAgo);
        LocalDate sooner = later.minusDays(earlier); // filed earlier: expires earlier
        if (!sooner.plusYears(20).isAfter(Fixtures.VALUATION_DATE)) {
            return; // already expired: nothing to compare
        }
        assertTrue(mean(AssetFacts.patent(AssetType.INVENTION_PATENT, sooner), 2e6, 0.05, 0.12)
                .compareTo(mean(AssetFacts.patent(AssetType.INVENTION_PATENT, later), 2e6, 0.05, 0.12)) <= 0);
    }

    @Property(tries = 200)
    void quickselectQuantilesMatchASortedArray(@ForAll @Size(min = 1, max = 300) double[] values,
            @ForAll @DoubleRange(min = 0, max = 1) double level) {
        if (Arrays.stream(values).anyMatch(v -> !Double.isFinite(v) || Math.abs(v) > 1e12)) {
            return;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * level;
        int k = (int) Math.floor(h);
        double expected = k + 1 < sorted.length ? sorted[k] + (sorted[k + 1] - sorted[k]) * (h - k) : sorted[k];
        double[] levels = {Math.min(level, 0.3), level};
        double[] q = Quantiles.at(values.clone(), levels);
        assertEquals(expected, q[1], 1e-9 * (1 + Math.abs(expected)));
    }
}
