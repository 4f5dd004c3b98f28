package com.ipledge.risk.loss;

import java.math.BigDecimal;

/**
 * @param lgd               loss given default, a decimal in [0, 1]
 * @param expectedRecovery  discounted expected net recovery in yuan (never more than EAD)
 * @param recoveryRate      expectedRecovery / EAD
 */
public record LgdResult(double lgd, BigDecimal expectedRecovery, double recoveryRate) {
}
