package com.ipledge.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * The decision on one application.
 *
 * @param approvedLimit    min(requested, lending value of the bundle, policy maximum, available quota), yuan, scale
 *                         2; 0.00 when declined. On REFER it is the limit the policy would grant.
 * @param ltv              approvedLimit / total collateral value (scale 4); null when declined or nothing is valued
 * @param limitBinding     which of the four terms of the minimum binds; null when declined
 * @param totalCollateralValue sum of the valued items' collateral values (scale 2)
 * @param lendingValue     sum of the items' lending values (scale 2)
 * @param collateralLimits per valued asset: grade, cap, capped and lending value
 * @param interestRate     reference rate + spread for the risk grade - eco discount (scale 4); null when declined
 *                         or the grade has no configured spread
 * @param riskShare        the loss-sharing scheme covering the loan; null when declined
 * @param conditions       what must be done before disbursement
 * @param reasons          why, sorted DECLINE first, then REFER, then INFO, each by rule id and asset id
 * @param firedRuleIds     every rule that fired, once each, in firing order
 * @param ruleBaseVersion  SHA-256 (hex) over the DRL files of the rule base
 * @param parametersVersion the {@code version} of the policy parameters used
 */
public record Decision(Outcome outcome, BigDecimal approvedLimit, BigDecimal ltv, LimitBinding limitBinding,
                       BigDecimal totalCollateralValue, BigDecimal lendingValue,
                       List<CollateralLimit> collateralLimits, BigDecimal interestRate, RiskShare riskShare,
                       List<Condition> conditions, List<Reason> reasons, List<String> firedRuleIds,
                       String ruleBaseVersion, String parametersVersion) {
}
