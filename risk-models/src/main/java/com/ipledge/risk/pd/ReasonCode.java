package com.ipledge.risk.pd;

/**
 * A feature that pushed this borrower's PD up: {@code contribution} is its logistic-regression coefficient times
 * the borrower's standardised value (summed over a categorical column's levels), in log-odds relative to an
 * average borrower.
 */
public record ReasonCode(String feature, double contribution) {
}
