package com.ipledge.valuation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The valuation of one asset. Money in yuan, scale 2.
 *
 * @param income             Monte Carlo distribution of the income (relief-from-royalty) value
 * @param incomeClosedForm   the income value at the mean inputs (triangular mean life); equals every income
 *                           quantile when nothing is uncertain
 * @param market             null when no comparables were given
 * @param cost               null when no cost inputs were given
 * @param weights            the weights actually used, renormalised over the approaches present
 * @param reconciled         the income distribution scaled so that its mean is the reconciled value
 * @param collateralValue    the reconciled distribution at {@code collateralQuantile}, never above reconciledValue
 * @param sensitivity        tornado rows, largest swing first
 */
public record ValuationResult(
        String engineVersion,
        long seed,
        int paths,
        IncomeDistribution income,
        BigDecimal incomeClosedForm,
        MarketResult market,
        CostResult cost,
        ReconciliationWeights weights,
        BigDecimal reconciledValue,
        IncomeDistribution reconciled,
        double collateralQuantile,
        BigDecimal collateralValue,
        ValueScore valueScore,
        ScoreAdjustment scoreAdjustment,
        LegalLife legalLife,
        List<SensitivityRow> sensitivity) {
    public ValuationResult {
        sensitivity = List.copyOf(sensitivity);
    }
}
