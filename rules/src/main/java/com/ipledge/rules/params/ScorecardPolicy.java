package com.ipledge.rules.params;

import com.ipledge.rules.engine.Checks;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bureau's special assessment of the banks' IP-pledge lending (专项考核激励): how much each indicator of the bank
 * scorecard weighs in its total score, and what counts as a small loan.
 *
 * @param smallLoanMaxPrincipal a loan of at most this principal (yuan) is a small loan (10,000,000.00: 1000 万元)
 * @param weights               indicator name ({@link #INDICATORS}) to its weight in [0, 1]; the weights add up to
 *                              exactly 1, an indicator without a weight weighs 0
 */
public record ScorecardPolicy(BigDecimal smallLoanMaxPrincipal, Map<String, BigDecimal> weights) {

    /** The scorecard's indicators, in the order the scorecard shows them. */
    public static final List<String> INDICATORS = List.of("grantedAmount", "borrowers", "firstTimeBorrowers",
            "outstanding", "smallLoanShare", "averageRate", "npl", "quotaUse", "speed");

    /** Volume first, then reach to new firms, then price, quality and speed (the project's defaults). */
    public static ScorecardPolicy defaults() {
        Map<String, BigDecimal> w = new LinkedHashMap<>();
        String[] values = {"0.20", "0.10", "0.15", "0.10", "0.10", "0.10", "0.10", "0.10", "0.05"};
        for (int i = 0; i < INDICATORS.size(); i++) {
            w.put(INDICATORS.get(i), new BigDecimal(values[i]));
        }
        return new ScorecardPolicy(new BigDecimal("10000000.00"), w);
    }

    /** The weight of {@code indicator} (0 when it has none). */
    public BigDecimal weight(String indicator) {
        return weights.getOrDefault(indicator, BigDecimal.ZERO);
    }

    /** Checks into {@code checks}, field paths after {@code p} (e.g. "scorecard."). */
    void check(String p, Checks checks) {
        checks.money(p + "smallLoanMaxPrincipal", smallLoanMaxPrincipal, true);
        if (!checks.present(p + "weights", weights)) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean complete = true;
        for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
            if (!INDICATORS.contains(e.getKey())) {
                checks.add(p + "weights." + e.getKey(), "is not an indicator (one of " + String.join(", ", INDICATORS)
                        + ")");
                complete = false;
            } else if (e.getValue() == null || e.getValue().signum() < 0 || e.getValue().compareTo(BigDecimal.ONE) > 0) {
                checks.fraction(p + "weights." + e.getKey(), e.getValue());
                complete = false;
            } else {
                sum = sum.add(e.getValue());
            }
        }
        if (complete && sum.compareTo(BigDecimal.ONE) != 0) {
            checks.add(p + "weights", "must add up to exactly 1, was " + sum.toPlainString());
        }
    }
}
