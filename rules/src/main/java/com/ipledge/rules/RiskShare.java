package com.ipledge.rules;

import java.util.Map;

/**
 * Who bears which share of a loss on the loan.
 *
 * @param scheme   the configured scheme's name, or {@code NONE} when no scheme applies (the bank bears it all)
 * @param coverage GUARANTEE_INSURANCE, RISK_COMPENSATION_POOL, GUARANTEE_FUND, or NONE
 * @param shares   party -> share, sorted by party; the shares add up to exactly 1
 */
public record RiskShare(String scheme, String coverage, Map<String, java.math.BigDecimal> shares) {
}
