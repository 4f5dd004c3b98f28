package com.ipledge.risk.capital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.risk.RiskInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the illustrative IRB risk weights of Basel II, "International Convergence of Capital Measurement and
 * Capital Standards" (BCBS, June 2006), Annex 5. Columns: corporate LGD 45% M 2.5 turnover EUR 50m (no firm-size
 * reduction) and EUR 5m; residential mortgage LGD 45% and 25%; other retail LGD 45% and 85%; QRRE LGD 45% and
 * 85%. Figures are risk weights in percent. The values I remember firmly from the published table are the 0.03%
 * row (14.44, 11.30, 4.15, 2.30, 4.45, 8.41, 0.98, 1.85), corporate 1% = 92.32 and corporate 20% = 238.23; the
 * other rows were recomputed independently (Python, statistics.NormalDist, the DESIGN.md formulas) and typed in
 * to 2 decimals, so they check this Java implementation against a second one rather than against the PDF. The
 * mortgage 25% entry at PD 0.03% is 2.3056: the table prints 2.30, the recomputation rounds to 2.31; both are
 * within the 0.01 pp tolerance.
 */
class IrbCapitalTest {
    private static final double[][] ANNEX5 = {
        // PD %, corp S=50, corp S=5, mortgage 45, mortgage 25, other retail 45, other retail 85, QRRE 45, QRRE 85
        {0.03, 14.44, 11.30, 4.15, 2.30, 4.45, 8.41, 0.98, 1.85},
        {0.05, 19.65, 15.40, 6.23, 3.46, 6.63, 12.52, 1.51, 2.86},
        {0.10, 29.65, 23.30, 10.69, 5.94, 11.16, 21.09, 2.71, 5.12},
        {0.25, 49.47, 39.01, 21.30, 11.83, 21.15, 39.96, 5.76, 10.88},
        {0.40, 62.72, 49.49, 29.94, 16.64, 28.42, 53.69, 8.41, 15.88},
        {0.50, 69.61, 54.91, 35.08, 19.49, 32.36, 61.13, 10.04, 18.97},
        {0.75, 82.78, 65.14, 46.46, 25.81, 40.10, 75.74, 13.80, 26.06},
        {1.00, 92.32, 72.39, 56.40, 31.33, 45.77, 86.46, 17.22, 32.53},
        {1.30, 100.95, 78.77, 67.00, 37.22, 50.79, 95.95, 21.02, 39.70},
        {1.50, 105.59, 82.11, 73.44, 40.80, 53.37, 100.81, 23.40, 44.19},
        {2.00, 114.85, 88.55, 87.94, 48.85, 57.99, 109.53, 28.92, 54.63},
        {2.50, 122.16, 93.43, 100.64, 55.91, 60.90, 115.03, 33.98, 64.18},
        {3.00, 128.44, 97.58, 111.99, 62.22, 62.79, 118.61, 38.66, 73.03},
        {4.00, 139.58, 105.04, 131.63, 73.13, 65.01, 122.80, 47.16, 89.08},
        {5.00, 149.85, 112.26, 148.22, 82.35, 66.42, 125.45, 54.74, 103.41},
        {6.00, 159.61, 119.48, 162.52, 90.29, 67.73, 127.94, 61.61, 116.37},
        {10.00, 193.09, 146.51, 204.41, 113.56, 75.54, 142.69, 83.89, 158.47},
        {15.00, 221.53, 171.91, 235.72, 130.96, 88.60, 167.36, 103.88, 196.23},
        {20.00, 238.23, 188.42, 253.12, 140.62, 100.28, 189.41, 117.99, 222.86},
    };
    private static final double TOLERANCE_PP = 0.01 + 1e-9;

    @Test
    void reproducesAnnex5RiskWeightTable() {
        for (double[] row : ANNEX5) {
            double pd = row[0] / 100.0;
            assertRiskWeight(row[1], new CapitalInput(pd, 0.45, 2.5, BigDecimal.ONE, AssetClass.SME_CORPORATE, 50.0));
            assertRiskWeight(row[1], CapitalInput.corporate(pd, 0.45, 2.5, BigDecimal.ONE));
            assertRiskWeight(row[2], new CapitalInput(pd, 0.45, 2.5, BigDecimal.ONE, AssetClass.SME_CORPORATE, 5.0));
            assertRiskWeight(row[3], retail(pd, 0.45, AssetClass.RETAIL_MORTGAGE));
            assertRiskWeight(row[4], retail(pd, 0.25, AssetClass.RETAIL_MORTGAGE));
            assertRiskWeight(row[5], retail(pd, 0.45, AssetClass.RETAIL_OTHER));
            assertRiskWeight(row[6], retail(pd, 0.85, AssetClass.RETAIL_OTHER));
            assertRiskWeight(row[7], retail(pd, 0.45, AssetClass.RETAIL_QRRE));
            assertRiskWeight(row[8], retail(pd, 0.85, AssetClass.RETAIL_QRRE));
        }
    }

    @Test
    void corporateOnePercentGivesTheApiExampleAndRwa() {
        CapitalResult r = IrbCapital.compute(CapitalInput.corporate(0.01, 0.45, 2.5, new BigDecimal("1000000.00")));
        assertEquals(0.9232, r.riskWeight(), 0.00005);
        assertEquals(r.riskWeight() / 12.5, r.capitalRequirement(), 1e-15);
        assertEquals(0.192784, r.correlation(), 1e-6);
        assertEquals(new BigDecimal("923168.01"), r.rwa(), "rwa = 12.5 K EAD");
        assertTrue(r.maturityAdjustment() > 1.0);
    }

    @Test
    void pdIsFlooredAndTurnoverClamped() {
        CapitalResult floored = IrbCapital.compute(CapitalInput.corporate(0.00001, 0.45, 2.5, BigDecimal.TEN));
        assertEquals(0.0003, floored.pdUsed());
        assertEquals(0.1444, floored.riskWeight(), 0.00005);
        CapitalResult tiny = IrbCapital.compute(new CapitalInput(0.01, 0.45, 2.5, BigDecimal.ONE,
                AssetClass.SME_CORPORATE, 1.0));
        CapitalResult five = IrbCapital.compute(new CapitalInput(0.01, 0.45, 2.5, BigDecimal.ONE,
                AssetClass.SME_CORPORATE, 5.0));
        assertEquals(five.riskWeight(), tiny.riskWeight(), 1e-15);
        CapitalResult huge = IrbCapital.compute(new CapitalInput(0.01, 0.45, 2.5, BigDecimal.ONE,
                AssetClass.SME_CORPORATE, 500.0));
        assertEquals(0.9232, huge.riskWeight(), 0.00005);
    }

    @Test
    void retailHasNoMaturityAdjustment() {
        CapitalResult r = IrbCapital.compute(new CapitalInput(0.02, 0.45, 5.0, BigDecimal.ONE,
                AssetClass.RETAIL_OTHER, null));
        assertEquals(1.0, r.maturityAdjustment());
        assertEquals(0.5799, r.riskWeight(), 0.00005);
    }

    @Test
    void badInputNamesTheFields() {
        RiskInputException e = assertThrows(RiskInputException.class, () -> IrbCapital.compute(new CapitalInput(
                1.5, -0.1, 0, new BigDecimal("-1"), AssetClass.SME_CORPORATE, null)));
        assertEquals(java.util.List.of("pd", "lgd", "ead", "maturityYears", "turnoverEurMillions"),
                e.problems().stream().map(RiskInputException.Problem::field).toList());
    }

    private static CapitalInput retail(double pd, double lgd, AssetClass assetClass) {
        return new CapitalInput(pd, lgd, 2.5, BigDecimal.ONE, assetClass, null);
    }

    private static void assertRiskWeight(double expectedPercent, CapitalInput input) {
        CapitalResult r = IrbCapital.compute(input);
        assertEquals(expectedPercent, r.riskWeight() * 100.0, TOLERANCE_PP,
                () -> input.assetClass() + " PD " + input.pd() + " LGD " + input.lgd());
    }
}
