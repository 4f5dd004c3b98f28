package com.ipledge.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleTest {
    private final ValuationEngine engine = new ValuationEngine();

    private static List<BundleAsset> members() {
        return List.of(
                BundleAsset.income(Fixtures.richInvention(), Fixtures.uncertain()),
                new BundleAsset(AssetFacts.patent(AssetType.UTILITY_MODEL, LocalDate.of(2020, 5, 1)),
                        Fixtures.uncertain(), List.of(), new CostInputs(new BigDecimal("80000"), 0.1, 0.1, 0.1)),
                BundleAsset.income(AssetFacts.mark(AssetType.TRADEMARK, LocalDate.of(2016, 9, 1)),
                        Fixtures.uncertain()));
    }

    private BundleValuationResult value(Double haircut, Double correlation) {
        return engine.valueBundle(new BundleValuationRequest(members(), haircut, correlation, null, null, 20_000, 3L));
    }

    @Test
    void theBundleIsNeverWorthMoreThanTheSumOfItsParts() {
        BundleValuationResult r = value(null, null);
        assertEquals(3, r.parts().size());
        assertEquals(0.10, r.overlapHaircut(), 1e-15); // default 5 % per member beyond the first
        assertEquals(ValuationEngine.DEFAULT_BUNDLE_CORRELATION, r.correlation());
        BigDecimal sumReconciled = r.parts().stream().map(ValuationResult::reconciledValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sumCollateral = r.parts().stream().map(ValuationResult::collateralValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sumIncome = r.parts().stream().map(p -> p.income().mean()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(sumReconciled, r.sumOfPartsReconciledValue());
        assertTrue(r.reconciledValue().compareTo(sumReconciled) <= 0);
        assertTrue(r.collateralValue().compareTo(sumCollateral) <= 0);
        assertTrue(r.income().mean().compareTo(sumIncome) <= 0);
        // the haircut is applied path by path: bundle income mean = 0.9 x the sum of the members' means
        assertEquals(sumIncome.doubleValue() * 0.9, r.income().mean().doubleValue(), 0.05);
        assertEquals(sumReconciled.doubleValue() * 0.9, r.reconciledValue().doubleValue(), 0.05);
        assertTrue(r.collateralValue().compareTo(r.reconciledValue()) <= 0);
    }

    @Test
    void withoutAHaircutTheBundleStillDoesNotExceedTheSum() {
        BundleValuationResult r = value(0.0, 0.0);
        assertTrue(r.reconciledValue().compareTo(r.sumOfPartsReconciledValue()) <= 0);
        assertTrue(r.collateralValue().compareTo(r.sumOfPartsCollateralValue()) <= 0);
        assertEquals(r.sumOfPartsReconciledValue().doubleValue(), r.reconciledValue().doubleValue(), 0.05);
    }

    @Test
    void correlationWidensTheBundlesDistribution() {
        BundleValuationResult independent = value(0.0, 0.0);
        BundleValuationResult correlated = value(0.0, 0.9);
        // the members' own distributions are unchanged by the copula (same margins), only their dependence
        assertEquals(1.0, correlated.income().mean().doubleValue() / independent.income().mean().doubleValue(), 0.01);
        double spreadIndependent = spread(independent.income());
        double spreadCorrelated = spread(correlated.income());
        assertTrue(spreadCorrelated > 1.2 * spreadIndependent,
                "p95-p5 spread " + spreadCorrelated + " vs " + spreadIndependent);
        assertTrue(correlated.income().p5().compareTo(independent.income().p5()) < 0);
    }

    private static double spread(IncomeDistribution d) {
        return d.p95().subtract(d.p5()).divide(d.mean(), 6, RoundingMode.HALF_UP).doubleValue();
    }

    @Test
    void aBundleReplaysExactlyFromItsSeed() {
        assertEquals(value(0.2, 0.6), value(0.2, 0.6));
    }

    @Test
    void membersWithNothingUncertainMakeAnExactBundle() {
        IncomeAssumptions certain = Fixtures.certain(0, 3, Discounting.END_YEAR);
        BundleValuationResult r = engine.valueBundle(new BundleValuationRequest(List.of(
                BundleAsset.income(Fixtures.invention(), certain), BundleAsset.income(Fixtures.invention(), certain)),
                0.25, 0.5, null, null, 1_000, 1L));
        // 0.75 x 2 x 93,256.9497 = 139,885.42
        assertEquals(new BigDecimal("139885.42"), r.income().mean());
        assertEquals(r.income().mean(), r.income().p5());
        assertEquals(r.income().mean(), r.collateralValue());
    }
}
