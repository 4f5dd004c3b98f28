package com.ipledge.rules;

import com.ipledge.rules.engine.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** What the SME asks for (API: POST /applications). Amounts in CNY yuan. */
public record LoanApplication(String applicationId, BigDecimal requestedAmount, int termMonths, String purpose,
                              boolean insuranceRequested) {

    /** The term in years, e.g. 18 months = 1.5. */
    public BigDecimal termYears() {
        return BigDecimal.valueOf(termMonths).divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP);
    }

    void check(Checks checks) {
        checks.notBlank("application.applicationId", applicationId);
        checks.money("application.requestedAmount", requestedAmount, true);
        checks.atLeast("application.termMonths", termMonths, 1);
        if (termMonths > 600) {
            checks.add("application.termMonths", "must be at most 600");
        }
    }
}
