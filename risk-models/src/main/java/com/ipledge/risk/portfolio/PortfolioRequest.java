package com.ipledge.risk.portfolio;

import java.util.List;

/**
 * The body of {@code POST /risk/portfolio-simulations}: {@code groups} of identical loans and/or distinct
 * {@code exposures}; {@code correlation} is the asset correlation R with the systematic factor, in [0, 1).
 * {@code sectorCorrelation} null gives the one-factor model; a value rho in [0, 1] gives the industry
 * multi-factor model, where each industry's factor is Y = sqrt(rho) Z + sqrt(1 - rho) e (Z global), so two
 * industries' factors correlate at rho and borrowers in different industries at R rho.
 * {@code confidenceLevels} null or empty means [0.99, 0.999]; {@code stress} null means none;
 * {@code histogramBins} null means 50.
 */
public record PortfolioRequest(List<LoanGroup> groups, List<Exposure> exposures, double correlation,
                               Double sectorCorrelation, int scenarios, long seed, List<Double> confidenceLevels,
                               StressScenario stress, Integer histogramBins) {

    public static PortfolioRequest ofGroups(List<LoanGroup> groups, double correlation, int scenarios, long seed,
                                            List<Double> confidenceLevels) {
        return new PortfolioRequest(groups, null, correlation, null, scenarios, seed, confidenceLevels, null, null);
    }

    public static PortfolioRequest ofExposures(List<Exposure> exposures, double correlation, int scenarios,
                                               long seed, List<Double> confidenceLevels) {
        return new PortfolioRequest(null, exposures, correlation, null, scenarios, seed, confidenceLevels, null,
                null);
    }

    public PortfolioRequest withStress(StressScenario newStress) {
        return new PortfolioRequest(groups, exposures, correlation, sectorCorrelation, scenarios, seed,
                confidenceLevels, newStress, histogramBins);
    }

    public PortfolioRequest withSectorCorrelation(Double rho) {
        return new PortfolioRequest(groups, exposures, correlation, rho, scenarios, seed, confidenceLevels, stress,
                histogramBins);
    }
}
