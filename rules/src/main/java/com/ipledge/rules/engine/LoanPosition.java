package com.ipledge.rules.engine;

import com.ipledge.rules.MonitoringInput;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A live loan's collateral position for the monitoring rules.
 *
 * @param valueDrop  1 - current / at-approval collateral value (negative when the value rose)
 * @param currentLtv outstanding / current collateral value; null when no collateral value is left
 */
public record LoanPosition(String loanId, BigDecimal outstanding, BigDecimal approvedLtv, BigDecimal valueDrop,
                           BigDecimal currentLtv) {

    public static LoanPosition of(MonitoringInput in) {
        BigDecimal drop = BigDecimal.ONE.subtract(
                in.currentCollateralValue().divide(in.collateralValueAtApproval(), MathContext.DECIMAL64));
        BigDecimal ltv = in.currentCollateralValue().signum() == 0 ? null
                : in.outstandingPrincipal().divide(in.currentCollateralValue(), MathContext.DECIMAL64);
        return new LoanPosition(in.loanId(), in.outstandingPrincipal(), in.approvedLtv(), drop, ltv);
    }

    /** Current LTV above approved LTV x (1 + tolerance); with no collateral value left any outstanding breaches. */
    public boolean ltvExceeds(BigDecimal tolerance) {
        if (currentLtv == null) {
            return outstanding.signum() > 0;
        }
        return currentLtv.compareTo(approvedLtv.multiply(BigDecimal.ONE.add(tolerance))) > 0;
    }
}
