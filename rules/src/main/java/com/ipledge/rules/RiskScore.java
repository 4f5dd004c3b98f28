package com.ipledge.rules;

import com.ipledge.rules.engine.Checks;
import java.math.BigDecimal;

/** The borrower's score from risk-models: probability of default, risk grade (e.g. "B1") and expected loss. */
public record RiskScore(BigDecimal pd, String riskGrade, BigDecimal expectedLoss) {

    void check(Checks checks) {
        checks.fraction("risk.pd", pd);
        checks.notBlank("risk.riskGrade", riskGrade);
        if (expectedLoss != null) {
            checks.nonNegative("risk.expectedLoss", expectedLoss);
        }
    }
}
