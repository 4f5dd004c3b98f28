package com.ipledge.rules.params;

import com.ipledge.rules.LoanApplication;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A loss-sharing scheme. The applicable scheme with the lowest {@code priority} covers a loan.
 *
 * @param coverage          GUARANTEE_INSURANCE, RISK_COMPENSATION_POOL or GUARANTEE_FUND
 * @param requiresInsurance applies only when the application asks for guarantee insurance
 * @param ecoIndustryOnly   applies only to favoured eco-industry borrowers
 * @param maxLoanAmount     applies only to requests up to this amount; null for no ceiling
 * @param shares            party (BANK, RISK_COMPENSATION_POOL, INSURER, APPRAISER, GUARANTOR, GUARANTEE_FUND,
 *                          LOCAL_GOVERNMENT, ...) -> share of a loss; the shares add up to 1
 */
public record RiskShareScheme(String name, String coverage, int priority, boolean requiresInsurance,
                              boolean ecoIndustryOnly, BigDecimal maxLoanAmount, Map<String, BigDecimal> shares) {

    public boolean appliesTo(LoanApplication application, boolean ecoFavoured) {
        return (!requiresInsurance || application.insuranceRequested())
                && (!ecoIndustryOnly || ecoFavoured)
                && (maxLoanAmount == null || application.requestedAmount().compareTo(maxLoanAmount) <= 0);
    }
}
