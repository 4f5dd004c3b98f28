package com.ipledge.rules.params;

import java.math.BigDecimal;

/**
 * The regulator's tolerance for non-performing IP loans.
 *
 * @param tolerance a bank's IP-loan NPL ratio may exceed its overall NPL ratio by this much (0.03: 3 points)
 */
public record NplPolicy(BigDecimal tolerance) {

    /** 3 percentage points. */
    public static NplPolicy defaults() {
        return new NplPolicy(new BigDecimal("0.03"));
    }
}
