package com.ipledge.rules.params;

import com.ipledge.rules.engine.Checks;
import java.math.BigDecimal;

/**
 * How the loss given default of an application is estimated: a forced sale of IP takes long and costs much.
 *
 * @param haircut      the share of the collateral value lost in a forced sale
 * @param monthsToSell months from default to the sale's proceeds
 * @param discountRate yearly rate the proceeds are discounted at over {@code monthsToSell}
 * @param recoveryCost share of the proceeds spent on recovering them (lawyers, auction, registration)
 */
public record LgdAssumptions(BigDecimal haircut, BigDecimal monthsToSell, BigDecimal discountRate,
                             BigDecimal recoveryCost) {

    /** The assumptions the service used in code before they were policy data (30 %, 12 months, 8 %, 15 %). */
    public static LgdAssumptions defaults() {
        return new LgdAssumptions(new BigDecimal("0.30"), new BigDecimal("12"), new BigDecimal("0.08"),
                new BigDecimal("0.15"));
    }

    /** Checks into {@code checks}, field paths after {@code p} (e.g. "lgd."). */
    void check(String p, Checks checks) {
        checks.fraction(p + "haircut", haircut);
        if (checks.present(p + "monthsToSell", monthsToSell())
                && (monthsToSell().signum() < 0 || monthsToSell().compareTo(new BigDecimal("240")) > 0)) {
            checks.add(p + "monthsToSell", "must be between 0 and 240");
        }
        checks.fraction(p + "discountRate", discountRate());
        checks.fraction(p + "recoveryCost", recoveryCost());
    }
}
