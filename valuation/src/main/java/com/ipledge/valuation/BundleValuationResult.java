package com.ipledge.valuation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The valuation of a bundle. {@code parts} are the members' own valuations, read from the same correlated
 * simulation. The bundle figures are never above the sum of the parts' figures.
 *
 * @param income    distribution of (1 - overlapHaircut) x the sum of the members' income values, path by path
 * @param reconciled the bundle income distribution scaled so that its mean is the reconciled value
 */
public record BundleValuationResult(
        String engineVersion,
        long seed,
        int paths,
        double correlation,
        double overlapHaircut,
        List<ValuationResult> parts,
        IncomeDistribution income,
        BigDecimal sumOfPartsReconciledValue,
        BigDecimal reconciledValue,
        IncomeDistribution reconciled,
        double collateralQuantile,
        BigDecimal sumOfPartsCollateralValue,
        BigDecimal collateralValue) {
    public BundleValuationResult {
        parts = List.copyOf(parts);
    }
}
