package com.ipledge.service.portfolio;

import com.ipledge.risk.portfolio.StressScenario;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A stress every risk answer reports, as data: its multipliers, and its descriptions ({@code {industry}} in the
 * English one names the shocked section). An industry PD multiplier applies to the section with the largest
 * live exposure, known only once the book is read.
 */
record Stress(String name, String zh, String en, double pdMultiplier, double collateralHaircut,
              double biggestIndustryPdMultiplier) {
    static final List<Stress> STANDARD = List.of(
            new Stress("PD_X2", "违约概率翻倍", "Every PD doubled (capped at 1)", 2.0, 0.0, 1.0),
            new Stress("COLLATERAL_HAIRCUT_30", "押品价值下降30%",
                    "Collateral values cut by 30%: LGD' = 1 - (1 - LGD) x 0.7", 1.0, 0.30, 1.0),
            new Stress("BIGGEST_INDUSTRY_SHOCK", "最大行业冲击：该行业违约概率x3",
                    "PD x3 in the industry section with the largest exposure ({industry})", 1.0, 0.0, 3.0));

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
