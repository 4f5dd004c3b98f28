package com.ipledge.valuation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The relief-from-royalty assumptions, field for field the API's {@code assumptions} object.
 * {@code baseRevenue} is the revenue of the first forecast year; growth applies from year 2.
 *
 * @param discounting                null means {@link Discounting#END_YEAR}
 * @param collateralQuantile         the conservative quantile the collateral value is read at; null means 0.10
 * @param renewalSurvivalProbability marks only: the probability that each renewal happens; null means 0.95
 * @param applyValueScore            whether the value score adjusts royalty and discount rate; null means true
 */
public record IncomeAssumptions(
        LocalDate valuationDate,
        BigDecimal baseRevenue,
        Distribution revenueGrowth,
        Distribution royaltyRate,
        Distribution discountRate,
        Double taxRate,
        TriangularLife economicLifeYears,
        Discounting discounting,
        Double collateralQuantile,
        Double renewalSurvivalProbability,
        Boolean applyValueScore) {

    public static final double DEFAULT_COLLATERAL_QUANTILE = 0.10;
    public static final double DEFAULT_RENEWAL_SURVIVAL = 0.95;

    /** The API's required fields; the optional ones take their defaults. */
    public static IncomeAssumptions of(LocalDate valuationDate, BigDecimal baseRevenue, Distribution revenueGrowth,
            Distribution royaltyRate, Distribution discountRate, double taxRate, TriangularLife economicLifeYears,
            Discounting discounting) {
        return new IncomeAssumptions(valuationDate, baseRevenue, revenueGrowth, royaltyRate, discountRate, taxRate,
                economicLifeYears, discounting, null, null, null);
    }

    public IncomeAssumptions withCollateralQuantile(Double quantile) {
        return new IncomeAssumptions(valuationDate, baseRevenue, revenueGrowth, royaltyRate, discountRate, taxRate,
                economicLifeYears, discounting, quantile, renewalSurvivalProbability, applyValueScore);
    }

    public IncomeAssumptions withRenewalSurvivalProbability(Double probability) {
        return new IncomeAssumptions(valuationDate, baseRevenue, revenueGrowth, royaltyRate, discountRate, taxRate,
                economicLifeYears, discounting, collateralQuantile, probability, applyValueScore);
    }

    public IncomeAssumptions withApplyValueScore(Boolean apply) {
        return new IncomeAssumptions(valuationDate, baseRevenue, revenueGrowth, royaltyRate, discountRate, taxRate,
                economicLifeYears, discounting, collateralQuantile, renewalSurvivalProbability, apply);
    }

    Discounting discountingOrDefault() {
        return discounting == null ? Discounting.END_YEAR : discounting;
    }

    double collateralQuantileOrDefault() {
        return collateralQuantile == null ? DEFAULT_COLLATERAL_QUANTILE : collateralQuantile;
    }

    double renewalSurvivalOrDefault() {
        return renewalSurvivalProbability == null ? DEFAULT_RENEWAL_SURVIVAL : renewalSurvivalProbability;
    }

    boolean applyValueScoreOrDefault() {
        return applyValueScore == null || applyValueScore;
    }
}
