package com.ipledge.rules;

import java.util.List;

/**
 * What the registries would refuse. Every refusal is a DECLINE reason naming its rule and the right.
 *
 * @param refusals sorted by rule id, then asset id
 */
public record FilingCheck(List<Reason> refusals, List<String> firedRuleIds, String ruleBaseVersion,
                          String parametersVersion) {

    public boolean refused() {
        return !refusals.isEmpty();
    }
}
