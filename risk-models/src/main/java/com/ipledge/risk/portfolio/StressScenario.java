package com.ipledge.risk.portfolio;

/**
 * A stress applied to every input before simulation: PD x {@code pdMultiplier} (capped at 1); LGD raised by a
 * collateral haircut h as LGD' = 1 - (1 - LGD)(1 - h) (recoveries shrink by h); and an industry shock that
 * multiplies the PD of loans in {@code shockedIndustry} (group sector or exposure industry) by
 * {@code industryPdMultiplier} on top.
 */
public record StressScenario(double pdMultiplier, double collateralHaircut, String shockedIndustry,
                             double industryPdMultiplier) {
    public static final StressScenario NONE = new StressScenario(1.0, 0.0, null, 1.0);

    public static StressScenario pdMultiplier(double multiplier) {
        return new StressScenario(multiplier, 0.0, null, 1.0);
    }

    public static StressScenario collateralHaircut(double haircut) {
        return new StressScenario(1.0, haircut, null, 1.0);
    }

    public static StressScenario industryShock(String industry, double multiplier) {
        return new StressScenario(1.0, 0.0, industry, multiplier);
    }

    double stressedPd(double pd, String industry) {
        double shock = shockedIndustry != null && shockedIndustry.equals(industry) ? industryPdMultiplier : 1.0;
        return Math.min(1.0, pd * pdMultiplier * shock);
    }

    double stressedLgd(double lgd) {
        return 1.0 - (1.0 - lgd) * (1.0 - collateralHaircut);
    }
}
