package com.ipledge.service.losssharing;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.Loans;
import com.ipledge.service.losssharing.RiskLayerRepository.Layer;
import com.ipledge.service.losssharing.RiskLayerRepository.LayerClaim;
import com.ipledge.service.losssharing.RiskLayerRequests.ClaimRefusal;
import com.ipledge.service.losssharing.RiskLayerRequests.ClaimReview;
import com.ipledge.service.losssharing.RiskLayerRequests.LayerPayment;
import com.ipledge.service.losssharing.RiskLayerViews.LayerClaimView;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.NotPermitted;
import com.ipledge.service.problem.Transitions;
import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Role;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Review, payment and refusal of layer claims: the bureau for pools and guarantee funds; the bank's approver or the
 * bureau for insurers.
 *
 * <p><b>Payment</b> runs under the layer's row lock: it pays min(claim, balance, per-year cap - paid this year), the
 * rest staying with the bank; 409 {@code layer-exhausted} when nothing is left.
 */
@Singleton
public class LayerClaimDecisions {
    static final String SYSTEM = "SYSTEM:risk-layers";

    private final RiskLayerRepository repo;
    private final Loans loans;
    private final AuditLog audit;
    private final DomainEvents events;
    private final Clock clock;

    public LayerClaimDecisions(RiskLayerRepository repo, Loans loans, AuditLog audit, DomainEvents events,
                               Clock clock) {
        this.repo = repo;
        this.loans = loans;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public LayerClaimView review(Caller caller, UUID loanId, UUID claimId, ClaimReview body) {
        Loan loan = loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        String note = body.note() == null ? null : body.note().strip();
        if (note != null && note.length() > 1000) {
            throw InvalidInput.of("note", "must be at most 1000 characters");
        }
        LayerClaim c = lockOwn(caller, loanId, claimId);
        if (c.status() != LayerClaimStatus.FILED) {
            throw Transitions.notAllowed("claim", c.status(), "start the review of",
                    EnumSet.of(LayerClaimStatus.FILED));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        repo.startReview(claimId, LayerEnrolments.actor(caller), now);
        audit.append(caller, "layer-claim.under-review", "layer_claim", claimId, loan.bankId(), Map.of(
                "party", c.party(), "amount", c.amount(), "note", note == null ? "" : note));
        return LayerClaimView.of(repo.lockClaim(loanId, claimId).orElseThrow());
    }

    @Transactional
    public LayerClaimView pay(Caller caller, UUID loanId, UUID claimId, LayerPayment body) {
        Loan loan = loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        LocalDate today = LocalDate.now(clock);
        if (body.paidOn() == null) {
            throw InvalidInput.of("paidOn", "is required");
        } else if (body.paidOn().isAfter(today)) {
            throw InvalidInput.of("paidOn", "is in the future");
        }
        LayerClaim c = lockOwn(caller, loanId, claimId);
        if (c.status() != LayerClaimStatus.UNDER_REVIEW) {
            throw Transitions.notAllowed("claim", c.status(), "pay", EnumSet.of(LayerClaimStatus.UNDER_REVIEW));
        }
        if (body.paidOn().isBefore(c.filedOn())) {
            throw InvalidInput.of("paidOn", "is before the claim was filed (" + c.filedOn() + ")");
        }
        // the layer's row lock: concurrent payments from one pool take turns, each seeing the balance the last left
        Layer layer = repo.lockLayer(c.layerId()).orElseThrow();
        int year = body.paidOn().getYear();
        BigDecimal payable = c.amount();
        List<String> limits = new ArrayList<>();
        if (layer.balance() != null && layer.balance().compareTo(payable) < 0) {
            payable = layer.balance();
            limits.add("the balance of " + layer.party() + " (" + layer.balance().toPlainString() + " yuan)");
        }
        if (layer.perYearCap() != null) {
            BigDecimal room = layer.perYearCap().subtract(repo.paidIn(layer.id(), year));
            if (room.compareTo(payable) < 0) {
                payable = room.max(BigDecimal.ZERO.setScale(2));
                limits.add("the per-year cap of " + layer.perYearCap().toPlainString() + " yuan for " + year
                        + " (" + room.max(BigDecimal.ZERO).toPlainString() + " left)");
            }
        }
        if (payable.signum() <= 0) {
            throw Conflict.of("layer-exhausted", layer.party() + " can pay nothing now: " + String.join(" and ",
                    limits) + ". The claim stays under review; refuse it with a reason, or pay it once the layer "
                    + "is funded or a new year opens.", Map.of("claimId", claimId.toString(),
                    "party", layer.party()));
        }
        if (!repo.spend(layer, year, payable)) {
            throw new IllegalStateException("layer " + layer.id() + " refused " + payable + " under its own lock");
        }
        String reason = limits.isEmpty() ? null : "Paid " + payable.toPlainString() + " of "
                + c.amount().toPlainString() + " yuan, limited by " + String.join(" and ", limits)
                + "; the bank bears the rest.";
        OffsetDateTime now = OffsetDateTime.now(clock);
        repo.markPaid(claimId, payable, body.paidOn(), reason, LayerEnrolments.actor(caller), now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("claimId", claimId.toString());
        payload.put("party", c.party());
        payload.put("claimed", c.amount());
        payload.put("amount", payable);
        payload.put("paidOn", body.paidOn());
        if (reason != null) {
            payload.put("reason", reason);
        }
        audit.append(caller, "layer-claim.paid", "layer_claim", claimId, loan.bankId(), payload);
        events.publish(EventType.CLAIM_PAID, loan.bankId(), loanId, DomainEvent.data("loanId", loanId,
                "claimId", claimId, "party", c.party(), "amount", payable, "paidOn", body.paidOn()));
        return LayerClaimView.of(repo.lockClaim(loanId, claimId).orElseThrow());
    }

    @Transactional
    public LayerClaimView refuse(Caller caller, UUID loanId, UUID claimId, ClaimRefusal body) {
        Loan loan = loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        String reason = body.reason() == null ? null : body.reason().strip();
        if (reason == null || reason.isEmpty()) {
            throw InvalidInput.of("reason", "is required: why the claim is refused");
        } else if (reason.length() > 1000) {
            throw InvalidInput.of("reason", "must be at most 1000 characters");
        }
        LayerClaim c = lockOwn(caller, loanId, claimId);
        if (c.status() != LayerClaimStatus.FILED && c.status() != LayerClaimStatus.UNDER_REVIEW) {
            throw Transitions.notAllowed("claim", c.status(), "refuse",
                    EnumSet.of(LayerClaimStatus.FILED, LayerClaimStatus.UNDER_REVIEW));
        }
        repo.markRefused(claimId, reason, LayerEnrolments.actor(caller), OffsetDateTime.now(clock));
        refused(LayerEnrolments.actor(caller), loan, c, reason);
        return LayerClaimView.of(repo.lockClaim(loanId, claimId).orElseThrow());
    }

    /** The claim, locked, if this caller may decide it: the bureau for pools and funds. */
    private LayerClaim lockOwn(Caller caller, UUID loanId, UUID claimId) {
        LayerClaim c = repo.lockClaim(loanId, claimId).orElseThrow(() -> NotFound.of("claim " + claimId));
        if (c.kind().reviewedByBureau() && caller.role() != Role.BUREAU) {
            throw NotPermitted.of("claim-decided-by-bureau", "Claims on " + c.party() + " (" + c.kind()
                    + ") spend public money: the bureau reviews, pays and refuses them.");
        }
        return c;
    }

    /** Audits and announces a refusal, by a person or by the window check at filing. */
    void refused(String actor, Loan loan, LayerClaim c, String reason) {
        audit.append(actor, "layer-claim.refused", "layer_claim", c.id(), loan.bankId(), Map.of(
                "party", c.party(), "amount", c.amount(), "reason", reason));
        events.publish(EventType.CLAIM_REFUSED, loan.bankId(), loan.id(), DomainEvent.data("loanId", loan.id(),
                "claimId", c.id(), "party", c.party(), "amount", c.amount(), "reason", reason));
    }
}
