package com.ipledge.service.losssharing;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.LoanStatus;
import com.ipledge.service.loan.RepaymentListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A pool's leverage counts the loans it backs while they are outstanding: the repayment that closes an enrolled loan
 * gives its principal back to the pools' headroom, in the repayment's transaction.
 */
@Singleton
class ClosedLoanCommitments implements RepaymentListener {
    private final RiskLayerRepository repo;
    private final AuditLog audit;
    private final Clock clock;

    ClosedLoanCommitments(RiskLayerRepository repo, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void onRepaid(Loan loan, Repaid repayment) {
        if (loan.status() == LoanStatus.CLOSED && repo.release(loan.id(), OffsetDateTime.now(clock))) {
            audit.append("SYSTEM:risk-layers", "loan.risk-layers-released", "loan", loan.id(), loan.bankId(),
                    Map.of("repaymentId", repayment.id(), "paidOn", repayment.paidOn().toString()));
        }
    }
}
