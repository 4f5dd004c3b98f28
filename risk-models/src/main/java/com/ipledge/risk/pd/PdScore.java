package com.ipledge.risk.pd;

import java.util.List;

/**
 * One borrower's score: {@code pd} a decimal one-year probability of default, its master-scale grade, up to three
 * reason codes (largest first), the model version (name, selected algorithm and the model file's SHA-256 prefix)
 * and the Tribuo provenance of the model that produced the PD, to be stored with the decision.
 */
public record PdScore(double pd, RiskGrade riskGrade, List<ReasonCode> reasonCodes, String modelVersion,
                      String provenance) {
}
