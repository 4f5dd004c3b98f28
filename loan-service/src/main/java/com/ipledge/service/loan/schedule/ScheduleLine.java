package com.ipledge.service.loan.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One instalment of a repayment schedule (a {@code schedule_line} row without its paid amounts).
 *
 * @param seq       1-based instalment number
 * @param dueOn     the date the instalment falls due
 * @param principal principal due with this instalment, yuan, 2 decimals, never negative
 * @param interest  interest due with this instalment, yuan, 2 decimals, never negative
 */
public record ScheduleLine(int seq, LocalDate dueOn, BigDecimal principal, BigDecimal interest) {

    public ScheduleLine {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1, was " + seq);
        }
        Objects.requireNonNull(dueOn, "dueOn");
        principal = Fen.exact(principal, "principal of line " + seq);
        interest = Fen.exact(interest, "interest of line " + seq);
        if (principal.signum() < 0 || interest.signum() < 0) {
            throw new IllegalArgumentException("line " + seq + " has a negative amount: " + principal + " / " + interest);
        }
    }

    /** Principal plus interest: the instalment the borrower pays on {@link #dueOn()}. */
    public BigDecimal total() {
        return principal.add(interest);
    }
}
