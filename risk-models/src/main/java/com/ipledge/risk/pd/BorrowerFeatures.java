package com.ipledge.risk.pd;

import java.util.List;

/**
 * What the shipped SME model reads about a borrower. Any field may be null (missing: the model imputes it as it
 * did in training). Ratios are decimals.
 *
 * @param leverage           total liabilities / total assets
 * @param currentRatio       current assets / current liabilities (liquidity)
 * @param returnOnAssets     net profit / total assets (profitability)
 * @param interestCoverage   EBIT / interest expense
 * @param firmAgeYears       years since founding
 * @param annualRevenueYuan  operating revenue of the last year, yuan (size)
 * @param industry           GB/T 4754 section letter (C manufacturing, I information technology, M research, ...)
 * @param pastDelinquency    any payment 30+ days overdue in the last 24 months (credit reference report)
 * @param courtEnforcement   listed as a judgment debtor (被执行人) in the last 36 months
 * @param ipValueScore       the patent value score of the pledged IP, 0-100 (valuation's valueScore.total)
 * @param collateralCoverage collateral value / loan amount
 */
public record BorrowerFeatures(Double leverage, Double currentRatio, Double returnOnAssets, Double interestCoverage,
                               Double firmAgeYears, Double annualRevenueYuan, String industry,
                               Boolean pastDelinquency, Boolean courtEnforcement, Double ipValueScore,
                               Double collateralCoverage) {

    /** Column names of the shipped model's training data, in the order of {@link #values()}. */
    public static final List<String> COLUMNS = List.of("leverage", "currentRatio", "returnOnAssets",
            "interestCoverage", "firmAgeYears", "annualRevenueYuan", "industry", "pastDelinquency",
            "courtEnforcement", "ipValueScore", "collateralCoverage");

    Object[] values() {
        return new Object[] {leverage, currentRatio, returnOnAssets, interestCoverage, firmAgeYears,
                annualRevenueYuan, industry, flag(pastDelinquency), flag(courtEnforcement), ipValueScore,
                collateralCoverage};
    }

    private static Double flag(Boolean b) {
        return b == null ? null : b ? 1.0 : 0.0;
    }
}
