package com.ipledge.service.loan;

import com.ipledge.service.loan.schedule.LinePayment;
import com.ipledge.service.loan.schedule.ScheduleLine;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The loans as other features read and settle them (loss sharing, monitoring). Apart from {@link LoanService}
 * because that service calls loss sharing at disbursement, and loss sharing calls back here.
 */
@Singleton
public class Loans {
    private final LoanRepository loans;
    private final LoanClassifications classifications;

    public Loans(LoanRepository loans, LoanClassifications classifications) {
        this.loans = loans;
        this.classifications = classifications;
    }

    public Optional<Loan> find(UUID id, Optional<UUID> bankScope) {
        return loans.find(id, bankScope);
    }

    /** The loan, its row locked until the transaction ends. */
    public Optional<Loan> lock(UUID id, Optional<UUID> bankScope) {
        return loans.lock(id, bankScope);
    }

    /** Stores a locked loan's next state; the caller has checked the transition. */
    public void update(Loan loan, OffsetDateTime now) {
        loans.update(loan, now);
        if (loan.status() == LoanStatus.DEFAULTED) {
            // a default is non-performing from the day it is declared
            classifications.reclassify(loan.id(), "SYSTEM:default");
        }
    }

    public List<ScheduleLine> scheduleLines(UUID loanId) {
        return loans.scheduleLines(loanId);
    }

    public List<LinePayment> linePayments(UUID loanId) {
        return loans.linePayments(loanId);
    }
}
