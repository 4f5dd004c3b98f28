package com.ipledge.service.losssharing;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.Loans;
import com.ipledge.service.losssharing.LossSharingRepository.Claim;
import com.ipledge.service.losssharing.LossSharingViews.ClaimView;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The claims a default files on the parties that share the loss, and their payment, in full only. */
@Singleton
public class Claims {
    private final LossSharingRepository repo;
    private final Loans loans;
    private final AuditLog audit;
    private final Clock clock;

    private final DomainEvents events;

    public Claims(LossSharingRepository repo, Loans loans, AuditLog audit, Clock clock, DomainEvents events) {
        this.events = events;
        this.repo = repo;
        this.loans = loans;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ClaimView> claims(Caller caller, UUID loanId) {
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        return repo.claims(loanId).stream().map(ClaimView::of).toList();
    }

    @Transactional
    public ClaimView payClaim(Caller caller, UUID loanId, UUID claimId, LossSharingRequests.ClaimPayment body) {
        // another bank's loan is 404 before anything in the request is looked at
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        FieldErrors errors = new FieldErrors();
        Money.check(errors, "amount", body.amount(), true);
        if (body.paidOn() == null) {
            errors.add("paidOn", "is required");
        } else if (body.paidOn().isAfter(LocalDate.now(clock))) {
            errors.add("paidOn", "is in the future");
        }
        errors.throwIfAny();
        Loan loan = loans.lock(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        Claim claim = repo.lockClaim(loanId, claimId).orElseThrow(() -> NotFound.of("claim " + claimId));
        if (claim.status() != ClaimStatus.FILED) {
            throw Conflict.of("claim-already-paid", "Claim " + claimId + " was paid on " + claim.paidOn()
                    + ".", Map.of("currentStatus", claim.status().name()));
        }
        if (body.amount().compareTo(claim.amount()) != 0) {
            throw RuleViolation.of("claim-amount-mismatch", "The claim is for " + claim.amount()
                    .toPlainString() + " yuan; a payment of " + body.amount().toPlainString()
                    + " does not settle it (partial payments are not accepted).");
        }
        if (body.paidOn().isBefore(claim.filedOn())) {
            throw InvalidInput.of("paidOn", "is before the claim was filed (" + claim.filedOn() + ")");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!repo.markPaid(claimId, body.paidOn(), now)) {
            throw Conflict.of("claim-already-paid", "Claim " + claimId + " is paid already.");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("claimId", claimId.toString());
        payload.put("party", claim.party());
        payload.put("amount", claim.amount());
        payload.put("paidOn", body.paidOn());
        audit.append(caller, "loss-claim.paid", "loan", loanId, loan.bankId(), payload);
        events.publish(EventType.CLAIM_PAID, loan.bankId(), loanId, DomainEvent.data("loanId", loanId,
                "claimId", claimId, "party", claim.party(), "amount", claim.amount(), "paidOn", body.paidOn()));
        return ClaimView.of(new Claim(claim.id(), loanId, claim.party(), claim.amount(), ClaimStatus.PAID,
                claim.filedOn(), body.paidOn()));
    }
}
