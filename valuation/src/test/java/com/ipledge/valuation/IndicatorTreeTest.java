package com.ipledge.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The value score's indicator tree: weights, points, sources and the finance scenario's weights as data. */
class IndicatorTreeTest {
    private final ValuationEngine engine = new ValuationEngine();

    private ValueScore score(AssetFacts asset, ScoreWeights weights) {
        IncomeAssumptions a = new IncomeAssumptions(Fixtures.VALUATION_DATE, Fixtures.REVENUE, Distribution.fixed(0),
                Distribution.fixed(0.05), Distribution.fixed(0.1), 0.25, TriangularLife.fixed(3), null, null, null,
                null);
        return engine.value(new ValuationRequest(asset, a, List.of(), null, null, 10, 1L, weights)).valueScore();
    }

    @Test
    void theFinanceDefaultWeightsOfEachTreeAddUpToOneAndPassTheirOwnCheck() {
        for (Map<String, Double> tree : List.of(ScoreWeights.FINANCE_DEFAULT.patent(),
                ScoreWeights.FINANCE_DEFAULT.mark())) {
            assertEquals(1.0, tree.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        }
        assertEquals(List.of(), ScoreWeights.FINANCE_DEFAULT.problems(""));
        // first-level shares: patents 0.4 / 0.3 / 0.3, marks 0.3 / 0.2 / 0.5
        assertEquals(0.4, level(ScoreWeights.FINANCE_DEFAULT.patent(), 'L'), 1e-12);
        assertEquals(0.3, level(ScoreWeights.FINANCE_DEFAULT.patent(), 'T'), 1e-12);
        assertEquals(0.5, level(ScoreWeights.FINANCE_DEFAULT.mark(), 'E'), 1e-12);
    }

    @Test
    void everyIndicatorOfEachTreeIsListedWithItsWeightAndSource() {
        ValueScore patent = score(Fixtures.richInvention(), null);
        assertEquals(ScoreWeights.PATENT_INDICATORS, patent.indicators().stream().map(Indicator::id).toList());
        assertEquals(1.0, patent.indicators().stream().mapToDouble(Indicator::weight).sum(), 1e-12);
        Map<String, Indicator> byId = byId(patent);
        assertEquals(FactSource.ASSET, byId.get("L.SCOPE.CLAIMS").source());
        assertEquals(FactSource.ASSET, byId.get("T.ADVANCE.TYPE").source());
        assertEquals(FactSource.OFFICER, byId.get("E.MARKET.SCALE").source());

        ValueScore bare = score(AssetFacts.patent(AssetType.UTILITY_MODEL, LocalDate.of(2019, 1, 1)), null);
        Map<String, Indicator> bareById = byId(bare);
        for (String id : List.of("L.SCOPE.CLAIMS", "L.ENFORCEMENT.LITIGATION", "T.INFLUENCE.CITATIONS",
                "T.COVERAGE.FAMILY", "E.APPLICATION.ATTRIBUTION", "E.TRANSFER.LICENCES")) {
            assertEquals(FactSource.DEFAULT, bareById.get(id).source(), id);
        }
        // litigation unknown scores as none (100); claims unknown as 0
        assertEquals(100.0, bareById.get("L.ENFORCEMENT.LITIGATION").points());
        assertEquals(0.0, bareById.get("L.SCOPE.CLAIMS").points());
        assertEquals("4.00", bareById.get("L.TERM.REMAINING").value());
        assertEquals(40.0, bareById.get("L.TERM.REMAINING").points(), 1e-9);

        ValueScore mark = score(AssetFacts.mark(AssetType.TRADEMARK, LocalDate.of(2020, 3, 1)), null);
        assertEquals(ScoreWeights.MARK_INDICATORS, mark.indicators().stream().map(Indicator::id).toList());
        assertEquals(1.0, mark.indicators().stream().mapToDouble(Indicator::weight).sum(), 1e-12);
    }

    @Property(tries = 200)
    void pointsStayWithin0And100AndTheTotalIsTheWeightedSum(@ForAll @IntRange(min = 0, max = 500) int claims,
            @ForAll @IntRange(min = 0, max = 5000) int citations, @ForAll @IntRange(min = 1, max = 60) int family,
            @ForAll @IntRange(min = 0, max = 50) int licences, @ForAll @IntRange(min = 0, max = 100) int share) {
        AssetFacts asset = new AssetFacts(AssetType.INVENTION_PATENT, null, LegalStatus.IN_FORCE,
                LocalDate.of(2012, 1, 1), null, null, null, claims, citations, family, Litigation.PENDING, licences,
                share / 100.0, List.of());
        ValueScore s = score(asset, null);
        double total = 0;
        for (Indicator i : s.indicators()) {
            assertTrue(i.points() >= 0 && i.points() <= 100, i::toString);
            total += i.points() * i.weight();
        }
        assertEquals(total, s.total(), 0.05 + 0.01, "total = sum of weight x points (one decimal, points 0.01)");
        for (double degree : List.of(s.legal(), s.technical(), s.economic(), s.total())) {
            assertTrue(degree >= 0 && degree <= 100);
        }
    }

    @Test
    void theScenarioWeightsMoveTheTotalAndBadOnesAreNamed() {
        Map<String, Double> legalOnly = new HashMap<>();
        ScoreWeights.PATENT_INDICATORS.forEach(id -> legalOnly.put(id, 0.0));
        legalOnly.put("L.STABILITY.STATUS", 0.5);
        legalOnly.put("L.TERM.REMAINING", 0.3);
        legalOnly.put("T.ADVANCE.TYPE", 0.1);
        legalOnly.put("E.MARKET.SCALE", 0.1);
        ScoreWeights custom = new ScoreWeights(legalOnly, ScoreWeights.FINANCE_DEFAULT.mark());
        assertEquals(List.of(), custom.problems(""));
        ValueScore s = score(AssetFacts.patent(AssetType.UTILITY_MODEL, LocalDate.of(2019, 1, 1)), custom);
        // status 100 x 0.5 + remaining 40 x 0.3 + type 66.67 x 0.1 + scale 33.33 x 0.1 = 72.0
        assertEquals(72.0, s.total(), 0.05);

        Map<String, Double> bad = new HashMap<>(ScoreWeights.FINANCE_DEFAULT.patent());
        bad.put("L.STABILITY.STATUS", 0.5);
        bad.put("X.UNKNOWN", 0.0);
        List<String> fields = new ScoreWeights(bad, null).problems("scoreWeights.").stream()
                .map(FieldProblem::field).toList();
        assertEquals(List.of("scoreWeights.PATENT.X.UNKNOWN", "scoreWeights.MARK"), fields);
        Map<String, Double> off = new HashMap<>(ScoreWeights.FINANCE_DEFAULT.patent());
        off.put("L.STABILITY.STATUS", 0.5);
        assertEquals(List.of("scoreWeights.PATENT"), new ScoreWeights(off, ScoreWeights.FINANCE_DEFAULT.mark())
                .problems("scoreWeights.").stream().map(FieldProblem::field).toList(), "sum 1.34 is not 1");
    }

    private static double level(Map<String, Double> weights, char level) {
        return weights.entrySet().stream().filter(e -> e.getKey().charAt(0) == level)
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static Map<String, Indicator> byId(ValueScore s) {
        return s.indicators().stream().collect(Collectors.toMap(Indicator::id, Function.identity()));
    }

}
