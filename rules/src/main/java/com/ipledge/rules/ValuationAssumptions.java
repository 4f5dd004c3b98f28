package com.ipledge.rules;

import com.ipledge.rules.engine.Checks;
import java.math.BigDecimal;

/**
 * What a pledged asset's valuation assumed, beside what the desk would, for the plausibility rules
 * ({@code valuation-plausibility.drl}). Every figure but {@code assetId} may be null: an appraisal report states only
 * some assumptions, and a desk valuation is not compared with itself.
 *
 * @param assetId                  the collateral item it belongs to
 * @param source                   who made the valuation: DESK, BANK or APPRAISER
 * @param baseRevenue              revenue attributed to the asset in the first forecast year (yuan)
 * @param borrowerOperatingRevenue the borrower's operating revenue on file (yuan)
 * @param royaltyRate              the royalty rate assumed (mean)
 * @param economicLifeYears        the longest economic life assumed (years)
 * @param remainingLegalLifeYears  the legal life left at the valuation date; null for marks, which renew
 * @param value                    the valuation's reconciled value (yuan)
 * @param deskValue                the desk valuation's reconciled value of the same asset today (yuan)
 */
public record ValuationAssumptions(String assetId, String source, BigDecimal baseRevenue,
                                   BigDecimal borrowerOperatingRevenue, BigDecimal royaltyRate,
                                   BigDecimal economicLifeYears, BigDecimal remainingLegalLifeYears,
                                   BigDecimal value, BigDecimal deskValue) {

    void check(String path, Checks checks) {
        checks.notBlank(path + ".assetId", assetId);
        if (baseRevenue != null && baseRevenue.signum() < 0) {
            checks.add(path + ".baseRevenue", "must not be negative");
        }
        if (deskValue != null && deskValue.signum() < 0) {
            checks.add(path + ".deskValue", "must not be negative");
        }
    }
}
