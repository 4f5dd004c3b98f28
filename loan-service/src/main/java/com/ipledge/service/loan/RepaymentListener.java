package com.ipledge.service.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a repayment settles besides the loan, inside its transaction: subsidies accrue on the interest paid here.
 * The loan owns this port so that it does not depend on who listens; a failure rolls the repayment back.
 */
public interface RepaymentListener {

    /**
     * @param id        the repayment's id
     * @param interest  the part of the repayment that paid interest, yuan
     * @param principal the part that paid principal (due and early together), yuan
     */
    record Repaid(UUID id, LocalDate paidOn, BigDecimal amount, BigDecimal interest, BigDecimal principal) {
    }

    void onRepaid(Loan loan, Repaid repayment);
}
