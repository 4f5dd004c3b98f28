package com.ipledge.rules;

import com.ipledge.rules.engine.Checks;
import com.ipledge.rules.params.PolicyParameters;
import java.math.BigDecimal;
import java.util.List;

/**
 * A live loan and what just happened to its collateral: legal-status events and/or a revaluation.
 *
 * @param approvedLtv               the LTV at approval ({@link Decision#ltv()})
 * @param collateralValueAtApproval the bundle's total collateral value at approval, yuan
 * @param currentCollateralValue    the bundle's total collateral value now (after revaluation), yuan
 * @param events                    legal-status events to react to; may be empty for a pure revaluation
 */
public record MonitoringInput(String loanId, BigDecimal outstandingPrincipal, BigDecimal approvedLtv,
                              BigDecimal collateralValueAtApproval, BigDecimal currentCollateralValue,
                              List<LegalStatusEvent> events, PolicyParameters parameters) {

    public List<Problem> problems() {
        Checks checks = new Checks();
        checks.notBlank("loanId", loanId);
        checks.money("outstandingPrincipal", outstandingPrincipal, false);
        checks.nonNegative("approvedLtv", approvedLtv);
        checks.money("collateralValueAtApproval", collateralValueAtApproval, true);
        checks.money("currentCollateralValue", currentCollateralValue, false);
        if (checks.present("events", events)) {
            for (int i = 0; i < events.size(); i++) {
                LegalStatusEvent e = events.get(i);
                String path = "events[" + i + "]";
                if (checks.present(path, e)) {
                    checks.notBlank(path + ".assetId", e.assetId());
                    checks.present(path + ".assetType", e.assetType());
                    checks.present(path + ".type", e.type());
                    checks.present(path + ".occurredOn", e.occurredOn());
                }
            }
        }
        if (checks.present("parameters", parameters)) {
            parameters.check("parameters.", checks);
        }
        return List.copyOf(checks.problems());
    }
}
