package com.ipledge.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationTest {
    private final ValuationEngine engine = new ValuationEngine();

    private static ValuationRequest good() {
        return ValuationRequest.income(Fixtures.invention(), Fixtures.uncertain()).withPathsAndSeed(100, 1L);
    }

    private static UnaryOperator<ValuationRequest> assumptions(UnaryOperator<IncomeAssumptions> change) {
        return r -> new ValuationRequest(r.asset(), change.apply(r.assumptions()), r.marketComparables(), r.cost(),
                r.weights(), r.paths(), r.seed());
    }

    private static UnaryOperator<ValuationRequest> asset(AssetFacts asset) {
        return r -> new ValuationRequest(asset, r.assumptions(), r.marketComparables(), r.cost(), r.weights(),
                r.paths(), r.seed());
    }

    private static IncomeAssumptions with(IncomeAssumptions a, BigDecimal revenue, Distribution growth,
            Distribution royalty, Distribution discount, Double tax, TriangularLife life) {
        return new IncomeAssumptions(a.valuationDate(), revenue, growth, royalty, discount, tax, life, a.discounting(),
                a.collateralQuantile(), a.renewalSurvivalProbability(), a.applyValueScore());
    }

    private static UnaryOperator<ValuationRequest> revenue(BigDecimal v) {
        return assumptions(a -> with(a, v, a.revenueGrowth(), a.royaltyRate(), a.discountRate(), a.taxRate(),
                a.economicLifeYears()));
    }

    private static UnaryOperator<ValuationRequest> growth(Distribution d) {
        return assumptions(a -> with(a, a.baseRevenue(), d, a.royaltyRate(), a.discountRate(), a.taxRate(),
                a.economicLifeYears()));
    }

    private static UnaryOperator<ValuationRequest> royalty(Distribution d) {
        return assumptions(a -> with(a, a.baseRevenue(), a.revenueGrowth(), d, a.discountRate(), a.taxRate(),
                a.economicLifeYears()));
    }

    private static UnaryOperator<ValuationRequest> discount(Distribution d) {
        return assumptions(a -> with(a, a.baseRevenue(), a.revenueGrowth(), a.royaltyRate(), d, a.taxRate(),
                a.economicLifeYears()));
    }

    private static UnaryOperator<ValuationRequest> tax(Double t) {
        return assumptions(a -> with(a, a.baseRevenue(), a.revenueGrowth(), a.royaltyRate(), a.discountRate(), t,
                a.economicLifeYears()));
    }

    private static UnaryOperator<ValuationRequest> life(TriangularLife l) {
        return assumptions(a -> with(a, a.baseRevenue(), a.revenueGrowth(), a.royaltyRate(), a.discountRate(),
                a.taxRate(), l));
    }

    private static UnaryOperator<ValuationRequest> valuationDate(LocalDate d) {
        return assumptions(a -> new IncomeAssumptions(d, a.baseRevenue(), a.revenueGrowth(), a.royaltyRate(),
                a.discountRate(), a.taxRate(), a.economicLifeYears(), a.discounting(), a.collateralQuantile(),
                a.renewalSurvivalProbability(), a.applyValueScore()));
    }

    private static UnaryOperator<ValuationRequest> paths(int n) {
        return r -> r.withPathsAndSeed(n, 1L);
    }

    private static AssetFacts patentWith(AssetType type, LocalDate filing, LegalStatus status, Integer claims,
            Integer family, Double attribution, List<Integer> classes) {
        return new AssetFacts(type, null, status, filing, null, null, null, claims, null, family, null, null,
                attribution, classes);
    }

    static Stream<Arguments> badInputs() {
        LocalDate filed = LocalDate.of(2015, 1, 1);
        return Stream.of(
                Arguments.of("negative revenue", revenue(new BigDecimal("-1")), "assumptions.baseRevenue"),
                Arguments.of("missing revenue", revenue(null), "assumptions.baseRevenue"),
                Arguments.of("royalty 0", royalty(new Distribution(0, 0.01)), "assumptions.royaltyRate.mean"),
                Arguments.of("royalty 1", royalty(new Distribution(1, 0)), "assumptions.royaltyRate.mean"),
                Arguments.of("royalty NaN", royalty(new Distribution(Double.NaN, 0)), "assumptions.royaltyRate.mean"),
                Arguments.of("royalty sd < 0", royalty(new Distribution(0.05, -0.01)), "assumptions.royaltyRate.sd"),
                Arguments.of("royalty sd inf", royalty(new Distribution(0.05, Double.POSITIVE_INFINITY)),
                        "assumptions.royaltyRate.sd"),
                Arguments.of("discount 0", discount(new Distribution(0, 0)), "assumptions.discountRate.mean"),
                Arguments.of("discount 1.2", discount(new Distribution(1.2, 0)), "assumptions.discountRate.mean"),
                Arguments.of("discount sd NaN", discount(new Distribution(0.1, Double.NaN)), "assumptions.discountRate.sd"),
                Arguments.of("growth -1", growth(new Distribution(-1, 0)), "assumptions.revenueGrowth.mean"),
                Arguments.of("growth inf", growth(new Distribution(Double.POSITIVE_INFINITY, 0)),
                        "assumptions.revenueGrowth.mean"),
                Arguments.of("growth missing", growth(null), "assumptions.revenueGrowth"),
                Arguments.of("growth sd < 0", growth(new Distribution(0.05, -0.1)), "assumptions.revenueGrowth.sd"),
                Arguments.of("tax 1", tax(1.0), "assumptions.taxRate"),
                Arguments.of("tax negative", tax(-0.1), "assumptions.taxRate"),
                Arguments.of("tax missing", tax(null), "assumptions.taxRate"),
                Arguments.of("life zero", life(TriangularLife.fixed(0)), "assumptions.economicLifeYears.min"),
                Arguments.of("mode below min", life(new TriangularLife(5, 4, 8)), "assumptions.economicLifeYears.mode"),
                Arguments.of("max below mode", life(new TriangularLife(5, 8, 7)), "assumptions.economicLifeYears.max"),
                Arguments.of("life NaN", life(new TriangularLife(5, Double.NaN, 8)), "assumptions.economicLifeYears.mode"),
                Arguments.of("life missing", life(null), "assumptions.economicLifeYears"),
                Arguments.of("paths 0", paths(0), "paths"),
                Arguments.of("paths too many", paths(1_000_001), "paths"),
                Arguments.of("no valuation date", valuationDate(null), "assumptions.valuationDate"),
                Arguments.of("valued after expiry", valuationDate(LocalDate.of(2035, 1, 1)), "assumptions.valuationDate"),
                Arguments.of("valued before filing", valuationDate(LocalDate.of(2014, 1, 1)), "assumptions.valuationDate"),
                Arguments.of("no asset", asset(null), "asset"),
                Arguments.of("no type", asset(patentWith(null, filed, null, null, null, null, null)), "asset.type"),
                Arguments.of("patent without filing date",
                        asset(AssetFacts.patent(AssetType.INVENTION_PATENT, null)), "asset.filingDate"),
                Arguments.of("mark without registration date",
                        asset(AssetFacts.mark(AssetType.GEOGRAPHICAL_INDICATION, null)), "asset.registrationDate"),
                Arguments.of("lapsed patent", asset(patentWith(AssetType.INVENTION_PATENT, filed, LegalStatus.LAPSED,
                        null, null, null, null)), "asset.legalStatus"),
                Arguments.of("negative claims", asset(patentWith(AssetType.INVENTION_PATENT, filed, null, -1, null,
                        null, null)), "asset.claims"),
                Arguments.of("family 0", asset(patentWith(AssetType.INVENTION_PATENT, filed, null, null, 0, null,
                        null)), "asset.familySize"),
                Arguments.of("attribution 1.5", asset(patentWith(AssetType.INVENTION_PATENT, filed, null, null, null,
                        1.5, null)), "asset.revenueAttribution"),
                Arguments.of("Nice class 46", asset(patentWith(AssetType.TRADEMARK, filed, null, null, null, null,
                        List.of(9, 46))), "asset.niceClasses[1]"),
                Arguments.of("collateral quantile 0.6",
                        assumptions(a -> a.withCollateralQuantile(0.6)), "assumptions.collateralQuantile"),
                Arguments.of("renewal survival 0",
                        assumptions(a -> a.withRenewalSurvivalProbability(0.0)), "assumptions.renewalSurvivalProbability"),
                Arguments.of("bad comparable", (UnaryOperator<ValuationRequest>) r -> new ValuationRequest(r.asset(),
                        r.assumptions(), List.of(new MarketComparable("x", BigDecimal.ONE, List.of(1.0), null),
                                new MarketComparable("y", new BigDecimal("-5"), List.of(1.0, -0.5), null)),
                        null, null, 100, 1L), "marketComparables[1].price"),
                Arguments.of("bad factor", (UnaryOperator<ValuationRequest>) r -> new ValuationRequest(r.asset(),
                        r.assumptions(), List.of(new MarketComparable("y", BigDecimal.TEN, List.of(1.0, 0.0), null)),
                        null, null, 100, 1L), "marketComparables[0].adjustmentFactors[1]"),
                Arguments.of("bad cost", (UnaryOperator<ValuationRequest>) r -> new ValuationRequest(r.asset(),
                        r.assumptions(), List.of(), new CostInputs(BigDecimal.TEN, 0.1, 1.0, 0), null, 100, 1L),
                        "cost.functionalObsolescence"),
                Arguments.of("bad weights", (UnaryOperator<ValuationRequest>) r -> new ValuationRequest(r.asset(),
                        r.assumptions(), List.of(), null, new ReconciliationWeights(-1, 0.3, 0.1), 100, 1L),
                        "weights.income"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void everyBadInputNamesItsField(String name, UnaryOperator<ValuationRequest> change, String field) {
        engine.value(good()); // the unchanged request is fine
        InvalidValuationInputException e = assertThrows(InvalidValuationInputException.class,
                () -> engine.value(change.apply(good())));
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals(field)),
                () -> "expected " + field + " in " + e.problems());
        assertTrue(e.problems().stream().allMatch(p -> !p.message().isBlank()));
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        ValuationRequest bad = life(TriangularLife.fixed(0)).apply(royalty(new Distribution(2, -1)).apply(
                paths(0).apply(good())));
        InvalidValuationInputException e = assertThrows(InvalidValuationInputException.class, () -> engine.value(bad));
        assertEquals(List.of("paths", "assumptions.royaltyRate.mean", "assumptions.royaltyRate.sd",
                "assumptions.economicLifeYears.min", "assumptions.economicLifeYears.mode",
                "assumptions.economicLifeYears.max"), e.problems().stream().map(FieldProblem::field).toList());
    }

    @Test
    void bundleProblemsArePrefixedWithTheMembersIndex() {
        BundleValuationRequest bad = new BundleValuationRequest(List.of(
                BundleAsset.income(Fixtures.invention(), Fixtures.uncertain()),
                BundleAsset.income(AssetFacts.patent(AssetType.UTILITY_MODEL, null), Fixtures.uncertain())),
                1.5, 0.99, 0.0, null, 100, 1L);
        InvalidValuationInputException e = assertThrows(InvalidValuationInputException.class,
                () -> engine.valueBundle(bad));
        assertEquals(List.of("assets[1].asset.filingDate", "overlapHaircut", "correlation", "collateralQuantile"),
                e.problems().stream().map(FieldProblem::field).toList());
        InvalidValuationInputException empty = assertThrows(InvalidValuationInputException.class,
                () -> engine.valueBundle(new BundleValuationRequest(List.of(), null, null, null, null, null, null)));
        assertEquals("assets", empty.problems().get(0).field());
    }
}
