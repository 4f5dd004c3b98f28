package com.ipledge.rules.params;

import com.ipledge.rules.engine.Checks;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** The engine refuses R outside [0, 1) and negative multipliers: refuse them here, before a view needs them. */
    void check(String p, Checks checks) {
        PortfolioRiskPolicy r = this;
        if (checks.present(p + "correlation", r.correlation())
                && (r.correlation().signum() < 0 || r.correlation().compareTo(BigDecimal.ONE) >= 0)) {
            checks.add(p + "correlation", "must be at least 0 and below 1");
        }
        if (!checks.present(p + "stresses", r.stresses())) {
            return;
        }
        if (r.stresses().size() > 10) {
            checks.add(p + "stresses", "at most 10 stresses");
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < r.stresses().size(); i++) {
            String s = p + "stresses[" + i + "]";
            PortfolioStress stress = r.stresses().get(i);
            if (!checks.present(s, stress)) {
                continue;
            }
            checks.notBlank(s + ".name", stress.name());
            if (stress.name() != null && !names.add(stress.name())) {
                checks.add(s + ".name", "must be unique");
            }
            checks.notBlank(s + ".zh", stress.zh());
            checks.notBlank(s + ".en", stress.en());
            for (String text : new String[] {stress.name(), stress.zh(), stress.en()}) {
                if (text != null && text.length() > 200) {
                    checks.add(s, "name, zh and en must be at most 200 characters each");
                }
            }
            multiplier(s + ".pdMultiplier", stress.pdMultiplier(), checks);
            checks.fraction(s + ".collateralHaircut", stress.collateralHaircut());
            multiplier(s + ".biggestIndustryPdMultiplier", stress.biggestIndustryPdMultiplier(), checks);
        }
    }

    private static void multiplier(String field, BigDecimal value, Checks checks) {
        if (checks.present(field, value) && (value.signum() < 0 || value.compareTo(new BigDecimal("100")) > 0)) {
            checks.add(field, "must be between 0 and 100");
        }
    }
}
