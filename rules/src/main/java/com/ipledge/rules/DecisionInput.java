package com.ipledge.rules;

import com.ipledge.rules.engine.Checks;
import com.ipledge.rules.params.PolicyParameters;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one decision needs.
 *
 * @param availableQuota the bank's headroom in its earmarked credit plan (单列信贷计划), yuan
 * @param valuations     what each pledged asset's valuation assumed, for the plausibility rules (may be empty)
 */
public record DecisionInput(LoanApplication application, Borrower borrower, List<CollateralItem> collateral,
                            RiskScore risk, BigDecimal availableQuota, PolicyParameters parameters,
                            List<ValuationAssumptions> valuations) {

    /**
     * The parameters last found valid. A service hands every decision of one policy version the same immutable
     * instance, and checking all of its policies on each decision cost more than the rest of the input's checks.
     */
    private static volatile PolicyParameters lastValidParameters;

    /** A decision without valuation assumptions: the plausibility rules have nothing to check. */
    public DecisionInput(LoanApplication application, Borrower borrower, List<CollateralItem> collateral,
                         RiskScore risk, BigDecimal availableQuota, PolicyParameters parameters) {
        this(application, borrower, collateral, risk, availableQuota, parameters, List.of());
    }

    /** Every problem with this input; empty when it may be decided. */
    public List<Problem> problems() {
        Checks checks = new Checks();
        if (checks.present("application", application)) {
            application.check(checks);
        }
        if (checks.present("borrower", borrower)) {
            borrower.check(checks);
        }
        if (checks.present("collateral", collateral)) {
            if (collateral.isEmpty()) {
                checks.add("collateral", "must pledge at least one asset");
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < collateral.size(); i++) {
                CollateralItem item = collateral.get(i);
                String path = "collateral[" + i + "]";
                if (checks.present(path, item)) {
                    item.check(path, checks);
                    if (item.assetId() != null && !ids.add(item.assetId())) {
                        checks.add(path + ".assetId", "is pledged twice");
                    }
                }
            }
        }
        if (checks.present("risk", risk)) {
            risk.check(checks);
        }
        checks.money("availableQuota", availableQuota, false);
        if (valuations != null) {
            for (int i = 0; i < valuations.size(); i++) {
                if (checks.present("valuations[" + i + "]", valuations.get(i))) {
                    valuations.get(i).check("valuations[" + i + "]", checks);
                }
            }
        }
        if (checks.present("parameters", parameters) && parameters != lastValidParameters) {
            int before = checks.problems().size();
            parameters.check("parameters.", checks);
            if (checks.problems().size() == before) {
                lastValidParameters = parameters;
            }
        }
        return List.copyOf(checks.problems());
    }
}
