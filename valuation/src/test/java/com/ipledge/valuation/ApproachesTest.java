package com.ipledge.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApproachesTest {
    private static final List<MarketComparable> COMPARABLES = List.of(
            new MarketComparable("licence deal A", new BigDecimal("1000000"), List.of(0.9, 1.1), null),
            new MarketComparable("assignment B", new BigDecimal("800000"), List.of(1.2), 2.0));
    private static final CostInputs COST = new CostInputs(new BigDecimal("500000"), 0.1, 0.2, 0.05);

    private final ValuationEngine engine = new ValuationEngine();

    private ValuationResult value(List<MarketComparable> comparables, CostInputs cost, ReconciliationWeights weights,
            IncomeAssumptions assumptions) {
        return engine.value(new ValuationRequest(Fixtures.invention(), assumptions, comparables, cost, weights, null,
                7L));
    }

    @Test
    void marketIsTheWeightedMeanOfAdjustedPrices() {
        ValuationResult r = value(COMPARABLES, null, null, Fixtures.certain(0, 3, Discounting.END_YEAR));
        // 1,000,000 x 0.9 x 1.1 = 990,000 (weight 1); 800,000 x 1.2 = 960,000 (weight 2); mean 970,000
        assertEquals(List.of(new BigDecimal("990000.00"), new BigDecimal("960000.00")), r.market().adjustedPrices());
        assertEquals(new BigDecimal("970000.00"), r.market().value());
        assertNull(r.cost());
    }

    @Test
    void costIsReproductionCostLessSequentialObsolescence() {
        ValuationResult r = value(List.of(), COST, null, Fixtures.certain(0, 3, Discounting.END_YEAR));
        // 500,000 x 0.9 x 0.8 x 0.95 = 342,000
        assertEquals(new BigDecimal("342000.00"), r.cost().value());
        assertEquals(0.684, r.cost().remainingFraction(), 1e-12);
        assertNull(r.market());
    }

    @Test
    void reconciliationWeighsTheApproachesSixThreeOne() {
        ValuationResult r = value(COMPARABLES, COST, null, Fixtures.certain(0, 3, Discounting.END_YEAR));
        // 0.6 x 93,256.9497 + 0.3 x 970,000 + 0.1 x 342,000 = 381,154.17
        assertEquals(new BigDecimal("381154.17"), r.reconciledValue());
        assertEquals(0.6, r.weights().income(), 1e-15);
        assertEquals(0.3, r.weights().market(), 1e-15);
        assertEquals(0.1, r.weights().cost(), 1e-15);
        // nothing uncertain: the reconciled distribution is a point mass, collateral = reconciled
        assertEquals(r.reconciledValue(), r.collateralValue());
    }

    @Test
    void weightsAreRenormalisedOverTheApproachesPresent() {
        ValuationResult r = value(COMPARABLES, null, null, Fixtures.certain(0, 3, Discounting.END_YEAR));
        // (0.6 x 93,256.9497 + 0.3 x 970,000) / 0.9 = 385,504.6331
        assertEquals(new BigDecimal("385504.63"), r.reconciledValue());
        assertEquals(2.0 / 3, r.weights().income(), 1e-15);
        assertEquals(1.0 / 3, r.weights().market(), 1e-15);
        assertEquals(0.0, r.weights().cost());
        ValuationResult custom = value(COMPARABLES, COST, new ReconciliationWeights(1, 1, 2),
                Fixtures.certain(0, 3, Discounting.END_YEAR));
        // (93,256.9497 + 970,000 + 2 x 342,000) / 4 = 436,814.2374
        assertEquals(new BigDecimal("436814.24"), custom.reconciledValue());
    }

    @Test
    void theReconciledDistributionScalesTheIncomeQuantiles() {
        ValuationResult r = value(COMPARABLES, COST, null, Fixtures.uncertain());
        double scale = r.reconciledValue().doubleValue() / r.income().mean().doubleValue();
        assertEquals(r.income().p10().doubleValue() * scale, r.reconciled().p10().doubleValue(), 0.05);
        assertEquals(r.income().p95().doubleValue() * scale, r.reconciled().p95().doubleValue(), 0.1);
        assertEquals(r.reconciled().p10(), r.collateralValue());
        assertTrue(r.collateralValue().compareTo(r.reconciledValue()) < 0);
    }

    @Test
    void theCollateralQuantileIsConfigurableAndCappedAtTheReconciledValue() {
        ValuationResult p5 = value(List.of(), null, null, Fixtures.uncertain().withCollateralQuantile(0.05));
        assertEquals(p5.reconciled().p5(), p5.collateralValue());
        ValuationResult median = value(List.of(), null, null, Fixtures.uncertain().withCollateralQuantile(0.5));
        assertEquals(median.reconciled().p50().min(median.reconciledValue()), median.collateralValue());
    }
}
