package com.ipledge.service.loan;

/**
 * What a disbursement settles besides the loan, inside its transaction: loss sharing freezes the loan's cover
 * here. The loan owns this port so that it does not depend on who covers it; a failure rolls the disbursement back.
 */
public interface DisbursementListener {
    void onDisbursed(Loan loan);
}
