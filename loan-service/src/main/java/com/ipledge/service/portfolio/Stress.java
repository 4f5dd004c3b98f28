package com.ipledge.service.portfolio;

import com.ipledge.risk.portfolio.StressScenario;
import com.ipledge.rules.params.PortfolioRiskPolicy;
import com.ipledge.rules.params.PortfolioStress;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A stress every risk answer reports, as the policy parameters name it ({@code portfolioRisk.stresses}): its
 * multipliers, and its descriptions ({@code {industry}} in the English one names the shocked section). An industry
 * PD multiplier applies to the section with the largest live exposure, known only once the book is read.
 */
record Stress(String name, String zh, String en, double pdMultiplier, double collateralHaircut,
              double biggestIndustryPdMultiplier) {

    /** The stresses of a policy version, in its order. */
    static List<Stress> of(PortfolioRiskPolicy policy) {
        return policy.stresses().stream().map(Stress::of).toList();
    }

    private static Stress of(PortfolioStress s) {
        return new Stress(s.name(), s.zh(), s.en(), s.pdMultiplier().doubleValue(),
                s.collateralHaircut().doubleValue(), s.biggestIndustryPdMultiplier().doubleValue());
    }

    StressScenario scenario(String biggestIndustry) {
        return new StressScenario(pdMultiplier, collateralHaircut,
                biggestIndustryPdMultiplier == 1.0 ? null : biggestIndustry, biggestIndustryPdMultiplier);
    }

    PortfolioRiskView.StressResult result(String biggestIndustry, BigDecimal el, BigDecimal analyticEl,
                                          Map<String, BigDecimal> q, Map<String, BigDecimal> es) {
        StressScenario s = scenario(biggestIndustry);
        return new PortfolioRiskView.StressResult(name, zh,
                en.replace("{industry}", biggestIndustry == null ? "none" : biggestIndustry), s.pdMultiplier(),
                s.collateralHaircut(), s.shockedIndustry(), s.industryPdMultiplier(), el, analyticEl, q, es);
    }
}
