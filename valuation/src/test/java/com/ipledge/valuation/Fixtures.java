package com.ipledge.valuation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Shared inputs: a 1,000,000 yuan revenue at a 5 % royalty and 25 % tax is a 37,500 yuan yearly cash flow. */
final class Fixtures {
    static final LocalDate VALUATION_DATE = LocalDate.of(2025, 1, 1);
    static final BigDecimal REVENUE = new BigDecimal("1000000");
    static final double CASH_FLOW = 37_500;

    private Fixtures() {
    }

    /** An invention filed 2015-01-01: exactly 10 years of legal life left at the valuation date. */
    static AssetFacts invention() {
        return AssetFacts.patent(AssetType.INVENTION_PATENT, LocalDate.of(2015, 1, 1));
    }

    static AssetFacts richInvention() {
        return new AssetFacts(AssetType.INVENTION_PATENT, "ZL201510000001.X", LegalStatus.IN_FORCE,
                LocalDate.of(2015, 1, 1), LocalDate.of(2017, 6, 1), null, null, 12, 6, 3, Litigation.NONE, 1, 0.6,
                List.of());
    }

    /** Certain inputs, no value-score adjustment: the closed form is a plain hand sum. */
    static IncomeAssumptions certain(double growth, double life, Discounting discounting) {
        return IncomeAssumptions.of(VALUATION_DATE, REVENUE, Distribution.fixed(growth), Distribution.fixed(0.05),
                Distribution.fixed(0.10), 0.25, TriangularLife.fixed(life), discounting).withApplyValueScore(false);
    }

    /** Realistic uncertainty. */
    static IncomeAssumptions uncertain() {
        return IncomeAssumptions.of(VALUATION_DATE, REVENUE, new Distribution(0.05, 0.03),
                new Distribution(0.05, 0.01), new Distribution(0.12, 0.02), 0.25, new TriangularLife(5, 8, 12),
                Discounting.END_YEAR);
    }

    /** Hand sum of year-by-year discounted cash flows (independent of the engine's closed form). */
    static double handSum(double growth, double discount, double life, boolean midYear) {
        double pv = 0;
        int n = (int) life;
        for (int t = 1; t <= n; t++) {
            pv += CASH_FLOW * Math.pow(1 + growth, t - 1) / Math.pow(1 + discount, midYear ? t - 0.5 : t);
        }
        double f = life - n;
        if (f > 0) {
            int t = n + 1;
            pv += f * CASH_FLOW * Math.pow(1 + growth, t - 1) / Math.pow(1 + discount, midYear ? t - 0.5 : t);
        }
        return pv;
    }
}
