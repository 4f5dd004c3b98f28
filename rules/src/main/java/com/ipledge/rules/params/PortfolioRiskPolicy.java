package com.ipledge.rules.params;

import java.math.BigDecimal;
import java.util.List;

/**
 * How the portfolio risk views simulate the book.
 *
 * @param correlation asset correlation R of the one-factor model, in [0, 1)
 * @param stresses    the stresses every risk answer reports, in this order
 */
public record PortfolioRiskPolicy(BigDecimal correlation, List<PortfolioStress> stresses) {

    /** The Basel corporate floor R = 0.12 and three stresses: PD x2, collateral -30 %, biggest industry PD x3. */
    public static PortfolioRiskPolicy defaults() {
        return new PortfolioRiskPolicy(new BigDecimal("0.12"), List.of(
                new PortfolioStress("PD_X2", "违约概率翻倍", "Every PD doubled (capped at 1)",
                        new BigDecimal("2.0"), new BigDecimal("0.0"), new BigDecimal("1.0")),
                new PortfolioStress("COLLATERAL_HAIRCUT_30", "押品价值下降30%",
                        "Collateral values cut by 30%: LGD' = 1 - (1 - LGD) x 0.7", new BigDecimal("1.0"),
                        new BigDecimal("0.30"), new BigDecimal("1.0")),
                new PortfolioStress("BIGGEST_INDUSTRY_SHOCK", "最大行业冲击：该行业违约概率x3",
                        "PD x3 in the industry section with the largest exposure ({industry})", new BigDecimal("1.0"),
                        new BigDecimal("0.0"), new BigDecimal("3.0"))));
    }
}
