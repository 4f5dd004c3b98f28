package com.ipledge.valuation;

import java.math.BigDecimal;

/**
 * Cost approach: what it would cost to reproduce the asset today, less obsolescence. The three obsolescence
 * rates (each in [0, 1)) apply one after the other, the usual sequential deduction:
 * {@code value = reproductionCost x (1 - physical) x (1 - functional) x (1 - economic)}.
 */
public record CostInputs(BigDecimal reproductionCost, double physicalObsolescence, double functionalObsolescence,
        double economicObsolescence) {
}
