package com.ipledge.rules.params;

import java.math.BigDecimal;

/**
 * A stress every portfolio risk answer reports: every PD x {@code pdMultiplier} (capped at 1), collateral values cut
 * by {@code collateralHaircut} (LGD' = 1 - (1 - LGD)(1 - haircut)), and the PD of the industry section with the
 * largest live exposure x {@code biggestIndustryPdMultiplier} (1: no industry shock). {@code en} may name that
 * section with {@code {industry}}.
 */
public record PortfolioStress(String name, String zh, String en, BigDecimal pdMultiplier,
                              BigDecimal collateralHaircut, BigDecimal biggestIndustryPdMultiplier) {
}
