package com.ipledge.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IncomeApproachTest {
    private final ValuationEngine engine = new ValuationEngine();

    private static void assertAllEqual(BigDecimal expected, IncomeDistribution d) {
        for (BigDecimal v : List.of(d.mean(), d.p5(), d.p10(), d.p50(), d.p90(), d.p95())) {
            assertEquals(expected, v);
        }
    }

    @ParameterizedTest
    @EnumSource(Discounting.class)
    void withNothingUncertainEveryQuantileIsExactlyTheClosedForm(Discounting discounting) {
        IncomeAssumptions a = IncomeAssumptions.of(Fixtures.VALUATION_DATE, new BigDecimal("1234567.89"),
                Distribution.fixed(0.037), Distribution.fixed(0.043), Distribution.fixed(0.117), 0.25,
                TriangularLife.fixed(7.3), discounting);
        ValuationResult r = engine.value(new ValuationRequest(Fixtures.richInvention(), a, List.of(), null, null,
                50_000, 99L));
        assertAllEqual(r.incomeClosedForm(), r.income());
        assertAllEqual(r.incomeClosedForm(), r.reconciled());
        assertEquals(r.incomeClosedForm(), r.reconciledValue());
        assertEquals(r.incomeClosedForm(), r.collateralValue());
    }

    @Test
    void closedFormIdentityHoldsForAMarkWithRenewalRisk() {
        IncomeAssumptions a = Fixtures.certain(0.02, 23.6, Discounting.MID_YEAR);
        ValuationResult r = engine.value(ValuationRequest.income(
                AssetFacts.mark(AssetType.TRADEMARK, LocalDate.of(2019, 5, 17)), a));
        assertAllEqual(r.incomeClosedForm(), r.income());
    }

    @Test
    void endYearMatchesTheHandSum() {
        ValuationResult r = engine.value(ValuationRequest.income(Fixtures.invention(),
                Fixtures.certain(0, 3, Discounting.END_YEAR)));
        // 37,500 x (1/1.1 + 1/1.1^2 + 1/1.1^3) = 93,256.9497
        assertEquals(new BigDecimal("93256.95"), r.income().mean());
    }

    @Test
    void midYearIsEndYearTimesSqrtOnePlusR() {
        ValuationResult r = engine.value(ValuationRequest.income(Fixtures.invention(),
                Fixtures.certain(0, 3, Discounting.MID_YEAR)));
        // 37,500 x (1/1.1^0.5 + 1/1.1^1.5 + 1/1.1^2.5) = 93,256.9497 x sqrt(1.1) = 97,808.7140
        assertEquals(new BigDecimal("97808.71"), r.income().mean());
    }

    @Test
    void growthAppliesFromTheSecondYear() {
        ValuationResult r = engine.value(ValuationRequest.income(Fixtures.invention(),
                Fixtures.certain(0.05, 5, Discounting.END_YEAR)));
        // sum_{t=1..5} 37,500 x 1.05^(t-1) / 1.1^t = 155,647.1727
        assertEquals(new BigDecimal("155647.17"), r.income().mean());
        assertEquals(Fixtures.handSum(0.05, 0.10, 5, false), r.income().mean().doubleValue(), 0.005);
    }

    @Test
    void legalLifeCapsTheEconomicLifeWithAProRataLastYear() {
        // filed 2010-07-02: expires 2030-07-02, i.e. 5 years + 182/365 after 2025-01-01; economic life 10
        AssetFacts patent = AssetFacts.patent(AssetType.INVENTION_PATENT, LocalDate.of(2010, 7, 2));
        ValuationResult r = engine.value(ValuationRequest.income(patent, Fixtures.certain(0, 10, Discounting.END_YEAR)));
        assertEquals(LocalDate.of(2030, 7, 2), r.legalLife().expiresOn());
        assertEquals(5 + 182.0 / 365, r.legalLife().remainingLegalLifeYears(), 1e-12);
        // 37,500 x (sum_{t=1..5} 1.1^-t + 182/365 x 1.1^-6) = 142,154.7... + 10,554.6... = 152,709.3931
        assertEquals(new BigDecimal("152709.39"), r.income().mean());
        assertEquals(Fixtures.handSum(0, 0.10, 5 + 182.0 / 365, false), r.income().mean().doubleValue(), 0.005);
    }

    @Test
    void aTrademarkIsNotCappedButEachRenewalCarriesRisk() {
        // registered 2017-01-01: current term ends 2027-01-01, two years out; renewals fall due at 2 and 12 years
        AssetFacts mark = AssetFacts.mark(AssetType.TRADEMARK, LocalDate.of(2017, 1, 1));
        IncomeAssumptions five = Fixtures.certain(0, 5, Discounting.END_YEAR).withRenewalSurvivalProbability(0.9);
        ValuationResult r5 = engine.value(ValuationRequest.income(mark, five));
        assertEquals(LocalDate.of(2027, 1, 1), r5.legalLife().expiresOn());
        assertTrue(r5.legalLife().renewable());
        // 37,500 x (1/1.1 + 1/1.1^2 + 0.9 x (1/1.1^3 + 1/1.1^4 + 1/1.1^5)) = 134,447.3179
        assertEquals(new BigDecimal("134447.32"), r5.income().mean());
        IncomeAssumptions fifteen = Fixtures.certain(0, 15, Discounting.END_YEAR).withRenewalSurvivalProbability(0.9);
        // years 3..12 at 0.9, years 13..15 at 0.81: 260,539.1394
        assertEquals(new BigDecimal("260539.14"), engine.value(ValuationRequest.income(mark, fifteen)).income().mean());
    }

    @Test
    void quantilesAreOrderedAndCollateralIsTheP10NeverAboveTheReconciledValue() {
        ValuationResult r = engine.value(ValuationRequest.income(Fixtures.richInvention(), Fixtures.uncertain()));
        IncomeDistribution d = r.income();
        assertTrue(d.p5().compareTo(d.p10()) <= 0);
        assertTrue(d.p10().compareTo(d.p50()) <= 0);
        assertTrue(d.p50().compareTo(d.p90()) <= 0);
        assertTrue(d.p90().compareTo(d.p95()) <= 0);
        assertTrue(d.p5().compareTo(d.p95()) < 0, "uncertain inputs must spread the distribution");
        assertEquals(0.10, r.collateralQuantile());
        assertEquals(d.p10(), r.collateralValue());
        assertTrue(r.collateralValue().compareTo(r.reconciledValue()) <= 0);
        assertEquals(10_000, r.paths());
        assertEquals(ValuationEngine.DEFAULT_SEED, r.seed());
        assertEquals(EngineInfo.VERSION, r.engineVersion());
    }

    @Test
    void theMonteCarloMeanAgreesWithAnIndependentSimulationOfTheSameModel() {
        // closed form at the means differs from the mean of the distribution (convexity, truncation); check the
        // engine's mean against a straightforward year-by-year simulation with Commons Math's own samplers
        IncomeAssumptions a = Fixtures.uncertain().withApplyValueScore(false);
        ValuationResult r = engine.value(ValuationRequest.income(Fixtures.invention(), a)
                .withPathsAndSeed(200_000, 5L));
        var random = new org.apache.commons.math3.random.Well19937c(11);
        var life = new org.apache.commons.math3.distribution.TriangularDistribution(random, 5, 8, 12);
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double g = truncated(random, 0.05, 0.03, -1, 10);
            double rho = truncated(random, 0.05, 0.01, 0, 1);
            double disc = truncated(random, 0.12, 0.02, 0, 10);
            double l = Math.min(life.sample(), 10);
            sum += Fixtures.handSum(g, disc, l, false) * rho / 0.05;
        }
        double independent = sum / n;
        assertEquals(independent, r.income().mean().doubleValue(), independent * 0.005);
    }

    private static double truncated(org.apache.commons.math3.random.RandomGenerator random, double mean, double sd,
            double lo, double hi) {
        while (true) {
            double x = mean + sd * random.nextGaussian();
            if (x > lo && x < hi) {
                return x;
            }
        }
    }

    @Test
    void theSameSeedReproducesTheResultExactlyAndAnotherSeedDoesNot() {
        ValuationRequest request = ValuationRequest.income(Fixtures.richInvention(), Fixtures.uncertain())
                .withPathsAndSeed(20_000, 42L);
        ValuationResult first = engine.value(request);
        assertEquals(first, engine.value(request));
        assertEquals(first, new ValuationEngine().value(request));
        ValuationResult other = engine.value(request.withPathsAndSeed(20_000, 43L));
        assertNotEquals(first.income(), other.income());
        assertEquals(first.incomeClosedForm(), other.incomeClosedForm());
    }

    @Test
    void theValueScoreAdjustsTheIncomeInputsConservatively() {
        IncomeAssumptions plain = Fixtures.certain(0, 3, Discounting.END_YEAR);
        ValuationResult unadjusted = engine.value(ValuationRequest.income(Fixtures.invention(), plain));
        ValuationResult adjusted = engine.value(ValuationRequest.income(Fixtures.invention(),
                plain.withApplyValueScore(true)));
        ScoreAdjustment adj = adjusted.scoreAdjustment();
        assertTrue(adj.applied());
        assertEquals(unadjusted.valueScore(), adjusted.valueScore());
        // the bare invention scores in band C: royalty x 0.85, discount + 0.02
        assertEquals("C", adj.band());
        double expected = 37_500 * 0.85 * (1 / 1.12 + 1 / Math.pow(1.12, 2) + 1 / Math.pow(1.12, 3));
        assertEquals(expected, adjusted.income().mean().doubleValue(), 0.005);
        assertTrue(adjusted.income().mean().compareTo(unadjusted.income().mean()) < 0);
    }

    @Test
    void theTornadoMovesEachInputAndIsSortedBySwing() {
        ValuationResult r = engine.value(ValuationRequest.income(Fixtures.invention(),
                Fixtures.uncertain().withApplyValueScore(false)));
        List<SensitivityRow> rows = r.sensitivity();
        assertEquals(5, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).swing().compareTo(rows.get(i).swing()) >= 0);
        }
        SensitivityRow royalty = rows.stream().filter(x -> x.input().equals("assumptions.royaltyRate")).findFirst()
                .orElseThrow();
        assertEquals(0.04, royalty.lowInput(), 1e-12); // mean 0.05 -/+ sd 0.01
        assertEquals(0.06, royalty.highInput(), 1e-12);
        // royalty enters linearly: the values at 0.04 and 0.06 are 0.8 and 1.2 times the closed form
        double base = r.incomeClosedForm().doubleValue();
        assertEquals(base * 0.8, royalty.valueAtLow().doubleValue(), 0.02);
        assertEquals(base * 1.2, royalty.valueAtHigh().doubleValue(), 0.02);
        SensitivityRow discount = rows.stream().filter(x -> x.input().equals("assumptions.discountRate")).findFirst()
                .orElseThrow();
        assertTrue(discount.valueAtLow().compareTo(discount.valueAtHigh()) > 0);
    }
}
