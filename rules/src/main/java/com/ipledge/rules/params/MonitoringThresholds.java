package com.ipledge.rules.params;

import java.math.BigDecimal;

/**
 * Thresholds for reactions on live loans.
 *
 * @param valueDropWarning  a fall of the collateral value by at least this share (since approval) warns
 * @param valueDropCritical a fall by at least this share asks for more collateral
 * @param ltvTolerance      a current LTV above approved LTV x (1 + tolerance) is a breach: margin call
 */
public record MonitoringThresholds(BigDecimal valueDropWarning, BigDecimal valueDropCritical,
                                   BigDecimal ltvTolerance) {
}
