package com.ipledge.service.risk;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /risk/portfolio-simulations}: {@code groups} of identical loans and/or distinct
 * {@code exposures}, the asset {@code correlation} R in [0, 1), the number of Monte Carlo {@code scenarios} and
 * the {@code seed} that makes the answer reproducible. Optional: {@code sectorCorrelation} (industry
 * multi-factor model; absent = one-factor), {@code confidenceLevels} (absent = 0.99 and 0.999), {@code stress},
 * {@code histogramBins} (absent = 50).
 */
@Introspected
public record PortfolioSimulationRequest(@Nullable List<Group> groups, @Nullable List<Exposure> exposures,
                                         @Nullable Double correlation, @Nullable Double sectorCorrelation,
                                         @Nullable Integer scenarios, @Nullable Long seed,
                                         @Nullable List<Double> confidenceLevels, @Nullable Stress stress,
                                         @Nullable Integer histogramBins) {

    /** {@code count} identical loans of {@code ead} yuan each; {@code sector} is their industry. */
    @Introspected
    public record Group(@Nullable Long count, @Nullable BigDecimal ead, @Nullable Double pd, @Nullable Double lgd,
                        @Nullable String sector) {
    }

    /** One distinct loan; the tags group it in the contributions and concentration figures. */
    @Introspected
    public record Exposure(@Nullable String id, @Nullable BigDecimal ead, @Nullable Double pd,
                           @Nullable Double lgd, @Nullable String bank, @Nullable String industry,
                           @Nullable String region, @Nullable String ipType) {
    }

    /**
     * A stress applied before simulating: every PD x {@code pdMultiplier} (default 1), LGD' = 1 - (1 - LGD)(1 -
     * {@code collateralHaircut}) (default 0), and the PDs of {@code shockedIndustry} x {@code industryPdMultiplier}
     * on top (both or neither).
     */
    @Introspected
    public record Stress(@Nullable Double pdMultiplier, @Nullable Double collateralHaircut,
                         @Nullable String shockedIndustry, @Nullable Double industryPdMultiplier) {
    }
}
