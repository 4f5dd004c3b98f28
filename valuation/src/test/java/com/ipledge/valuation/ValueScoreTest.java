package com.ipledge.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueScoreTest {
    private final ValuationEngine engine = new ValuationEngine();

    private ValuationResult value(AssetFacts asset, BigDecimal revenue) {
        IncomeAssumptions a = new IncomeAssumptions(Fixtures.VALUATION_DATE, revenue, Distribution.fixed(0),
                Distribution.fixed(0.05), Distribution.fixed(0.1), 0.25, TriangularLife.fixed(3), null, null, null,
                null);
        return engine.value(ValuationRequest.income(asset, a).withPathsAndSeed(10, 1L));
    }

    private static void assertDegrees(ValueScore s, double legal, double technical, double economic, double total) {
        assertEquals(List.of(legal, technical, economic, total),
                List.of(s.legal(), s.technical(), s.economic(), s.total()));
    }

    @Test
    void aBareUtilityModelWithFourYearsLeftScoresInBandD() {
        // filed 2019-01-01: 4 years left. legal 40 + 35 x 0.4 + 0 + 15 = 69; technical 20 (type only);
        // economic 30 x log10(1e6 / 1e5) / 3 = 10; total 0.4 x 69 + 0.3 x 20 + 0.3 x 10 = 36.6
        ValuationResult r = value(AssetFacts.patent(AssetType.UTILITY_MODEL, LocalDate.of(2019, 1, 1)), Fixtures.REVENUE);
        assertDegrees(r.valueScore(), 69.0, 20.0, 10.0, 36.6);
        assertEquals(new ScoreAdjustment("D", 0.70, 0.04, true), r.scoreAdjustment());
    }

    @Test
    void aStrongInventionScoresInBandAAndKeepsTheBanksInputs() {
        // legal 40 + 35 + 10 + 15 = 100; technical 30 + 40 (10 citations) + 15 (20 claims) + 15 (family 5) = 100;
        // economic 40 x 0.9 + 30 (3 licences) + 30 (100 million revenue) = 96; total 40 + 30 + 28.8 = 98.8
        AssetFacts strong = new AssetFacts(AssetType.INVENTION_PATENT, null, LegalStatus.IN_FORCE,
                LocalDate.of(2015, 1, 1), null, null, null, 20, 10, 5, Litigation.UPHELD, 3, 0.9, List.of());
        ValuationResult r = value(strong, new BigDecimal("100000000"));
        assertDegrees(r.valueScore(), 100.0, 100.0, 96.0, 98.8);
        assertEquals(new ScoreAdjustment("A", 1.0, 0.0, true), r.scoreAdjustment());
    }

    @Test
    void aTrademarkIsScoredOnItsTermStrengthAndMarket() {
        // registered 2020-03-01: current term ends 2030-03-01, 5 + 59/365 years left; 4 + 306/365 years old
        // legal 40 + 25 + 10 x 0.5162 + 10 x 3/5 + 15 = 91.16; strength 40 x 4.838/15 + 0 + 30 x 3/10 = 21.90;
        // economic 40 x 0.5 + 0 + 30 x log10(100) / 3 = 40; total 0.3 x 91.16 + 0.2 x 21.90 + 0.5 x 40 = 51.73
        AssetFacts mark = new AssetFacts(AssetType.TRADEMARK, "12345678", LegalStatus.IN_FORCE, null, null,
                LocalDate.of(2020, 3, 1), null, null, null, null, Litigation.NONE, 0, 0.5, List.of(9, 35, 42));
        ValuationResult r = value(mark, new BigDecimal("10000000"));
        assertDegrees(r.valueScore(), 91.2, 21.9, 40.0, 51.7);
        assertEquals("C", r.scoreAdjustment().band());
    }

    @Test
    void pendingLitigationAndAnInvalidationRequestLowerTheLegalDegree() {
        AssetFacts clean = Fixtures.richInvention();
        AssetFacts contested = new AssetFacts(clean.type(), clean.number(), LegalStatus.INVALIDATION_FILED,
                clean.filingDate(), clean.grantDate(), null, null, clean.claims(), clean.forwardCitations(),
                clean.familySize(), Litigation.PENDING, clean.licences(), clean.revenueAttribution(), List.of());
        ValueScore a = value(clean, Fixtures.REVENUE).valueScore();
        ValueScore b = value(contested, Fixtures.REVENUE).valueScore();
        assertEquals(a.legal() - 40, b.legal(), 1e-9); // status 40 -> 10, litigation 15 -> 5
        assertEquals(a.technical(), b.technical());
        assertTrue(b.total() < a.total());
    }
}
