package com.ipledge.rules;

import java.util.List;

/**
 * How a live loan should react.
 *
 * @param severity     the highest alert severity; INFO when there is no alert
 * @param action       the strongest suggested action; NONE when there is no alert
 * @param alerts       sorted by severity (highest first), then rule id and asset id
 */
public record MonitoringReaction(String loanId, Severity severity, SuggestedAction action, List<Alert> alerts,
                                 List<String> firedRuleIds, String ruleBaseVersion, String parametersVersion) {
}
