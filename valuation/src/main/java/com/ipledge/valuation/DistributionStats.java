package com.ipledge.valuation;

import java.util.Arrays;

/** Mean, the five reported quantiles and the collateral quantile of simulated values, as doubles. */
record DistributionStats(double mean, double p5, double p10, double p50, double p90, double p95, double atCollateral) {

    /** Reorders {@code values}. */
    static DistributionStats of(double[] values, double collateralQuantile) {
        double mean = Quantiles.mean(values);
        double[] levels = {0.05, 0.10, 0.50, 0.90, 0.95, collateralQuantile};
        double[] sorted = levels.clone();
        Arrays.sort(sorted);
        double[] q = Quantiles.at(values, sorted);
        double[] byLevel = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            byLevel[i] = q[Arrays.binarySearch(sorted, levels[i])];
        }
        return new DistributionStats(mean, byLevel[0], byLevel[1], byLevel[2], byLevel[3], byLevel[4], byLevel[5]);
    }

    /**
     * The reconciled distribution: this one scaled so that its mean is {@code target}. When this mean is zero
     * (no income) there is no shape to scale and the result is a point mass at the target.
     */
    DistributionStats scaledTo(double target) {
        if (mean == 0) {
            return new DistributionStats(target, target, target, target, target, target, target);
        }
        double s = target / mean;
        return new DistributionStats(target, p5 * s, p10 * s, p50 * s, p90 * s, p95 * s, atCollateral * s);
    }

    IncomeDistribution toMoney() {
        return new IncomeDistribution(Money.yuan(mean), Money.yuan(p5), Money.yuan(p10), Money.yuan(p50),
                Money.yuan(p90), Money.yuan(p95));
    }
}
