package com.ipledge.service.losssharing;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.calendar.WorkingDayCalendar;
import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.service.loan.Classification;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.Loans;
import com.ipledge.service.losssharing.RiskLayerRepository.Enrolled;
import com.ipledge.service.losssharing.RiskLayerRepository.Layer;
import com.ipledge.service.losssharing.RiskLayerRepository.LayerClaim;
import com.ipledge.service.losssharing.RiskLayerRepository.Standing;
import com.ipledge.service.losssharing.RiskLayerRequests.ClaimFiling;
import com.ipledge.service.losssharing.RiskLayerViews.LayerClaimView;
import com.ipledge.service.losssharing.RiskLayerViews.LoanLayersView;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Filing a loan's layer claims (the bank, once the loan is substandard or worse) and the bureau's work list.
 *
 * <p>Loss = outstanding principal + interest due and unpaid; covered = loss x IP value / (IP + other collateral
 * value), to the fen HALF_UP; the covered loss is split by the layers' shares with {@link Waterfall} (largest
 * remainder) and each layer's per-loan cap, what caps leave going to the bank, so the claims and the bank's part add
 * up to the loss exactly. A layer whose window (working days from the day the loan became non-performing, by the
 * bureau's {@link WorkingDayCalendar}: holidays off, 调休 weekend days worked) has ended is refused at once, the
 * reason naming it.
 */
@Singleton
public class LayerClaimFilings {
    static final int QUEUE = 500;

    private final RiskLayerRepository repo;
    private final Loans loans;
    private final LayerEnrolments enrolments;
    private final LayerClaimDecisions decisions;
    private final AuditLog audit;
    private final DomainEvents events;
    private final WorkingDayCalendar workingDays;
    private final Clock clock;

    public LayerClaimFilings(RiskLayerRepository repo, Loans loans, LayerEnrolments enrolments,
                             LayerClaimDecisions decisions, AuditLog audit, DomainEvents events,
                             WorkingDayCalendar workingDays, Clock clock) {
        this.repo = repo;
        this.loans = loans;
        this.enrolments = enrolments;
        this.decisions = decisions;
        this.audit = audit;
        this.events = events;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** The bureau's work list: claims in a status (FILED, UNDER_REVIEW...), oldest first, at most {@value #QUEUE}. */
    public List<LayerClaimView> queue(Optional<LayerClaimStatus> status) {
        return repo.claimsIn(status, QUEUE).stream().map(LayerClaimView::of).toList();
    }

    @Transactional
    public LoanLayersView file(Caller caller, UUID loanId, ClaimFiling body) {
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        String note = body.note() == null ? null : body.note().strip();
        if (note != null && note.length() > 1000) {
            throw InvalidInput.of("note", "must be at most 1000 characters");
        }
        Loan loan = loans.lock(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        Enrolled e = repo.enrolment(loanId).orElseThrow(() -> Conflict.of("loan-not-enrolled",
                "Loan " + loanId + " is in no layered scheme; enrol it before filing claims."));
        if (!repo.claims(loanId).isEmpty()) {
            throw Conflict.of("layer-claims-filed", "The claims of loan " + loanId + " are filed already.");
        }
        Standing standing = repo.standing(loanId);
        if (!Classification.NON_PERFORMING.contains(standing.classification()) || standing.nonPerformingOn() == null) {
            throw RuleViolation.of("loan-performing", "Loan " + loanId + " is " + standing.classification()
                    + "; layers pay once a loan is substandard or worse (non-performing).");
        }
        LocalDate today = LocalDate.now(clock);
        BigDecimal loss = loan.outstandingPrincipal().add(Defaults.interestDueAndUnpaid(loans, loanId, today))
                .setScale(2);
        BigDecimal covered = covered(loss, e);
        List<Layer> layers = repo.layers(e.schemeId());
        Map<String, BigDecimal> shares = new TreeMap<>();
        Map<String, BigDecimal> caps = new HashMap<>();
        for (Layer l : layers) {
            shares.put(l.party(), l.share());
            if (l.perLoanCap() != null) {
                caps.put(l.party(), l.perLoanCap());
            }
        }
        Map<String, Waterfall.Part> parts = new HashMap<>();
        for (Waterfall.Part p : Waterfall.allocate(covered, shares, caps)) {
            parts.put(p.party(), p);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String by = LayerEnrolments.actor(caller);
        for (Layer l : layers) {
            Waterfall.Part part = parts.get(l.party());
            if (l.kind() == LayerKind.BANK || part.amount().signum() == 0) {
                continue;
            }
            LocalDate windowEnds = l.claimWindowDays() == null ? null
                    : workingDays.after(standing.nonPerformingOn(), l.claimWindowDays());
            boolean pastWindow = windowEnds != null && today.isAfter(windowEnds);
            // a window through a year whose official calendar is not entered yet was counted Monday to Friday: a
            // claim past it goes to the reviewer instead of being refused on a count that may be wrong
            boolean late = pastWindow && workingDays.official(standing.nonPerformingOn(), windowEnds);
            String reason = late ? "Filed on " + today + ", after the claim window of " + l.claimWindowDays()
                    + " working days from the loan's classification as non-performing on "
                    + standing.nonPerformingOn() + " (the window ended on " + windowEnds + ")."
                    : pastWindow ? "Filed on " + today + ", after " + windowEnds + ", the end of the claim window "
                    + "counted Monday to Friday: the official working-day calendar of a year in it is not entered; "
                    + "the reviewer decides whether the claim was in time." : null;
            LayerClaim c = new LayerClaim(UUID.randomUUID(), loanId, l.id(), l.party(), l.kind(), today,
                    standing.nonPerformingOn(), windowEnds, loss, covered, part.amount(), part.capped(),
                    late ? LayerClaimStatus.REFUSED : LayerClaimStatus.FILED, reason, null, null,
                    BigDecimal.ZERO.setScale(2), by, null, late ? LayerClaimDecisions.SYSTEM : null);
            repo.insertClaim(c, now);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("claimId", c.id().toString());
            payload.put("party", c.party());
            payload.put("amount", c.amount());
            payload.put("capped", c.capped());
            payload.put("loss", loss);
            payload.put("coveredLoss", covered);
            payload.put("nonPerformingOn", standing.nonPerformingOn());
            payload.put("note", note == null ? "" : note);
            audit.append(caller, "layer-claim.filed", "layer_claim", c.id(), loan.bankId(), payload);
            events.publish(EventType.CLAIM_FILED, loan.bankId(), loanId, DomainEvent.data("loanId", loanId,
                    "claimId", c.id(), "party", c.party(), "amount", c.amount(), "filedOn", today));
            if (late) {
                decisions.refused(LayerClaimDecisions.SYSTEM, loan, c, reason);
            }
        }
        return enrolments.view(loan, e);
    }

    /** The IP part of the loss: loss x IP value / (IP + other collateral value), to the fen HALF_UP. */
    static BigDecimal covered(BigDecimal loss, Enrolled e) {
        if (e.otherCollateralValue().signum() == 0) {
            return loss;
        }
        return loss.multiply(e.ipCollateralValue())
                .divide(e.ipCollateralValue().add(e.otherCollateralValue()), 2, RoundingMode.HALF_UP);
    }
}
