package com.ipledge.service.loan.schedule;

import java.math.BigDecimal;

/**
 * Amounts paid against one schedule line: either the running totals of a line (the {@code principal_paid} and
 * {@code interest_paid} columns) or the share of one repayment that went to the line.
 *
 * @param seq           the line's instalment number
 * @param principalPaid principal paid, yuan, 2 decimals, never negative
 * @param interestPaid  interest paid, yuan, 2 decimals, never negative
 */
public record LinePayment(int seq, BigDecimal principalPaid, BigDecimal interestPaid) {

    public LinePayment {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1, was " + seq);
        }
        principalPaid = Fen.exact(principalPaid, "principalPaid of line " + seq);
        interestPaid = Fen.exact(interestPaid, "interestPaid of line " + seq);
        if (principalPaid.signum() < 0 || interestPaid.signum() < 0) {
            throw new IllegalArgumentException(
                    "line " + seq + " has a negative paid amount: " + principalPaid + " / " + interestPaid);
        }
    }

    public BigDecimal total() {
        return principalPaid.add(interestPaid);
    }
}
