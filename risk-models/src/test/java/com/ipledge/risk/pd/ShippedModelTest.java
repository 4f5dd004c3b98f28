package com.ipledge.risk.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShippedModelTest {
    private static final BorrowerFeatures SOUND = new BorrowerFeatures(0.25, 2.2, 0.12, 12.0, 15.0, 8.0e7, "M",
            false, false, 85.0, 3.5);
    private static final BorrowerFeatures WEAK = new BorrowerFeatures(0.85, 0.7, -0.08, 0.4, 2.0, 3.0e6, "F",
            true, true, 30.0, 1.1);

    @Test
    void scoresWithGradeReasonsVersionAndProvenance() {
        PdModel model = PdModel.shipped();
        assertSame(model, PdModel.shipped());
        PdScore sound = model.score(SOUND);
        PdScore weak = model.score(WEAK);
        assertTrue(sound.pd() > 0 && sound.pd() < weak.pd() && weak.pd() < 1, sound.pd() + " vs " + weak.pd());
        assertEquals(RiskGrade.of(weak.pd()), weak.riskGrade());
        assertTrue(weak.riskGrade().compareTo(sound.riskGrade()) > 0);
        assertTrue(model.modelVersion().matches("sme-pd/(logistic-regression|random-forest)/sha256:[0-9a-f]{16}"),
                model.modelVersion());
        assertEquals(model.modelVersion(), weak.modelVersion());
        assertTrue(weak.provenance().contains("org.tribuo"));
        assertEquals(3, weak.reasonCodes().size());
        assertTrue(weak.reasonCodes().get(0).contribution() >= weak.reasonCodes().get(2).contribution());
        assertTrue(weak.reasonCodes().stream().anyMatch(r -> r.feature().equals("pastDelinquency")
                || r.feature().equals("leverage") || r.feature().equals("courtEnforcement")), weak.toString());
    }

    @Test
    void missingValuesAreImputedNotRejected() {
        PdScore blank = PdModel.shipped().score(new BorrowerFeatures(null, null, null, null, null, null, null, null,
                null, null, null));
        assertTrue(blank.pd() > 0.0 && blank.pd() < 0.5, String.valueOf(blank.pd()));
    }

    @Test
    void scoringByColumnNameMatchesTheRecord() {
        PdModel model = PdModel.shipped();
        PdScore byName = model.score(Map.of("leverage", 0.85, "currentRatio", 0.7, "returnOnAssets", -0.08,
                "interestCoverage", 0.4, "firmAgeYears", 2.0, "annualRevenueYuan", 3.0e6, "industry", "F",
                "pastDelinquency", 1, "courtEnforcement", 1, "ipValueScore", 30.0));
        PdScore byRecord = model.score(new BorrowerFeatures(0.85, 0.7, -0.08, 0.4, 2.0, 3.0e6, "F", true, true,
                30.0, null));
        assertEquals(byRecord.pd(), byName.pd(), 1e-12);
    }

    @Test
    void masterScaleBands() {
        assertEquals(RiskGrade.A1, RiskGrade.of(0.0003));
        assertEquals(RiskGrade.B1, RiskGrade.of(0.005));
        assertEquals(RiskGrade.B3, RiskGrade.of(0.039));
        assertEquals(RiskGrade.C1, RiskGrade.of(0.04));
        assertEquals(RiskGrade.D, RiskGrade.of(1.0));
        assertEquals(10, RiskGrade.values().length);
    }

    @Test
    void syntheticBookIsSeededAndHasTheDocumentedDefaultRate() {
        CsvTable a = SyntheticSmeData.generate(20_000, 20261125);
        CsvTable b = SyntheticSmeData.generate(20_000, 20261125);
        int target = a.column(SyntheticSmeData.TARGET);
        long defaults = a.rows().stream().filter(r -> "1".equals(r[target])).count();
        assertTrue(defaults >= 0.03 * 20_000 && defaults <= 0.06 * 20_000, defaults + " defaults");
        for (int i = 0; i < a.rows().size(); i += 997) {
            assertEquals(java.util.Arrays.asList(a.rows().get(i)), java.util.Arrays.asList(b.rows().get(i)));
        }
    }
}
