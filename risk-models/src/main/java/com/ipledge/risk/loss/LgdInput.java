package com.ipledge.risk.loss;

import java.math.BigDecimal;
import java.util.List;

/**
 * What LGD depends on.
 *
 * @param ead                exposure at default in yuan
 * @param collateralValue    quantiles of the pledged IP's value at default (e.g. the valuation's p5..p95), levels
 *                           strictly increasing in (0, 1); null or empty means unsecured
 * @param haircut            fraction knocked off the value in a forced sale, in [0, 1]
 * @param monthsToSell       time from default to cash, discounted at {@code annualDiscountRate}
 * @param annualDiscountRate the bank's discount rate for workout cash flows (a decimal, >= 0)
 * @param recoveryCostRate   legal, auction and appraisal costs as a fraction of the sale price, in [0, 1]
 */
public record LgdInput(BigDecimal ead, List<ValueQuantile> collateralValue, double haircut, double monthsToSell,
                       double annualDiscountRate, double recoveryCostRate) {
}
