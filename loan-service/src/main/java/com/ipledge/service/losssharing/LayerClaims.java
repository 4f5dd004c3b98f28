package com.ipledge.service.losssharing;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.evaluation.EvaluationService;
import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.service.loan.Classification;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.LoanStatus;
import com.ipledge.service.loan.Loans;
import com.ipledge.service.losssharing.RiskLayerRepository.Enrolled;
import com.ipledge.service.losssharing.RiskLayerRepository.Layer;
import com.ipledge.service.losssharing.RiskLayerRepository.LayerClaim;
import com.ipledge.service.losssharing.RiskLayerRepository.LayeredScheme;
import com.ipledge.service.losssharing.RiskLayerRepository.Recovered;
import com.ipledge.service.losssharing.RiskLayerRepository.Standing;
import com.ipledge.service.losssharing.RiskLayerRequests.ClaimFiling;
import com.ipledge.service.losssharing.RiskLayerRequests.ClaimRefusal;
import com.ipledge.service.losssharing.RiskLayerRequests.ClaimReview;
import com.ipledge.service.losssharing.RiskLayerRequests.Enrolment;
import com.ipledge.service.losssharing.RiskLayerRequests.LayerPayment;
import com.ipledge.service.losssharing.RiskLayerRequests.LayerRecovery;
import com.ipledge.service.losssharing.RiskLayerViews.LayerClaimView;
import com.ipledge.service.losssharing.RiskLayerViews.LayerRecoveryView;
import com.ipledge.service.losssharing.RiskLayerViews.LoanLayersView;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.NotPermitted;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.problem.Transitions;
import com.ipledge.service.security.Caller;
import com.ipledge.service.security.Role;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A loan's layered cover and its claims.
 *
 * <p><b>Enrolment</b> freezes the IP share of the loan's collateral at approval (the decision's collateral value
 * against the non-IP collateral the bank declares) and adds the principal to every pool's leverage commitment; a
 * pool with a multiple refuses (409 {@code pool-leverage-exceeded}) a loan that would take its commitment past
 * multiple x balance. Only a performing loan is enrolled.
 *
 * <p><b>Filing</b> (the bank, once the loan is substandard or worse): loss = outstanding principal + interest due
 * and unpaid; covered = loss x IP value / (IP + other collateral value), to the fen HALF_UP; the covered loss is
 * split by the layers' shares with {@link Waterfall} (largest remainder) and each layer's per-loan cap, what caps
 * leave going to the bank, so the claims and the bank's part add up to the loss exactly. A layer whose window
 * (working days from the day the loan became non-performing) has ended is refused at once, the reason naming it.
 *
 * <p><b>Payment</b> (the bureau for pools and guarantee funds; the bank's approver or the bureau for insurers)
 * runs under the layer's row lock: it pays min(claim, balance, per-year cap - paid this year), the rest staying
 * with the bank; 409 when nothing is left. <b>Recoveries</b> are split pro rata to the loss each party bore (the
 * layers' payments, the bank's remainder) with {@link Waterfall#splitWithin}; each layer's part is clawed back to
 * its balance.
 */
@Singleton
public class LayerClaims {
    static final String SYSTEM = "SYSTEM:risk-layers";
    static final int QUEUE = 500;
    private static final EnumSet<LoanStatus> LIVE = EnumSet.of(LoanStatus.DISBURSED, LoanStatus.REPAYING);

    private final RiskLayerRepository repo;
    private final Loans loans;
    private final EvaluationService decisions;
    private final AuditLog audit;
    private final DomainEvents events;
    private final Clock clock;

    public LayerClaims(RiskLayerRepository repo, Loans loans, EvaluationService decisions, AuditLog audit,
                       DomainEvents events, Clock clock) {
        this.repo = repo;
        this.loans = loans;
        this.decisions = decisions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // --- enrolment ---

    @Transactional
    public LoanLayersView enrol(Caller caller, UUID loanId, Enrolment body) {
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        FieldErrors errors = new FieldErrors();
        if (body.schemeId() == null) {
            errors.add("schemeId", "is required");
        }
        BigDecimal other = body.otherCollateralValue() == null ? BigDecimal.ZERO : body.otherCollateralValue();
        Money.check(errors, "otherCollateralValue", other, false);
        errors.throwIfAny();
        Loan loan = loans.lock(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        LayeredScheme scheme = repo.scheme(body.schemeId())
                .orElseThrow(() -> InvalidInput.of("schemeId", "names no layered scheme"));
        if (!LIVE.contains(loan.status())) {
            throw Transitions.notAllowed("loan", loan.status(), "enrol in a layered scheme", LIVE);
        }
        if (repo.enrolment(loanId).isPresent()) {
            throw Conflict.of("loan-already-enrolled", "Loan " + loanId + " is enrolled in a layered scheme already.");
        }
        Standing standing = repo.standing(loanId);
        if (Classification.NON_PERFORMING.contains(standing.classification())) {
            throw Conflict.of("loan-non-performing", "Loan " + loanId + " is " + standing.classification()
                    + ": only a performing loan is enrolled (a pool does not take on losses already there).");
        }
        BigDecimal ip = decisions.find(loan.decisionId()).map(d -> d.totalCollateralValue()).orElse(null);
        if (ip == null || ip.signum() <= 0) {
            throw RuleViolation.of("no-ip-collateral-value", "The decision of loan " + loanId
                    + " valued no IP collateral; a layered scheme covers the IP share of a loss only.");
        }
        ip = ip.setScale(2);
        other = other.setScale(2);
        BigDecimal ipShare = ip.divide(ip.add(other), Ratios.SCALE, RoundingMode.HALF_UP);
        BigDecimal principal = loan.outstandingPrincipal().setScale(2);
        for (Layer l : repo.layers(scheme.id())) {
            if (l.kind() == LayerKind.POOL && !repo.commit(l.id(), principal)) {
                Layer now = repo.lockLayer(l.id()).orElseThrow();
                BigDecimal limit = now.leverageMultiple().multiply(now.balance()).setScale(2);
                throw Conflict.of("pool-leverage-exceeded", "The pool " + l.party() + " of " + scheme.name()
                                + " backs loans up to " + now.leverageMultiple().stripTrailingZeros().toPlainString()
                                + " x its balance of " + now.balance().toPlainString() + " = " + limit.toPlainString()
                                + " yuan; " + now.committedPrincipal().toPlainString() + " is committed and this loan"
                                + " needs " + principal.toPlainString() + ".",
                        Map.of("layerId", l.id().toString(), "leverageLimit", limit,
                                "committedPrincipal", now.committedPrincipal(), "required", principal));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Enrolled e = new Enrolled(loanId, scheme.id(), loan.bankId(), principal, ip, other, ipShare,
                actor(caller), now);
        if (!repo.enrol(e)) {
            throw Conflict.of("loan-already-enrolled", "Loan " + loanId + " is enrolled in a layered scheme already.");
        }
        audit.append(caller, "loan.risk-layers-enrolled", "loan", loanId, loan.bankId(), Map.of(
                "scheme", scheme.name(), "principal", principal, "ipCollateralValue", ip,
                "otherCollateralValue", other, "ipShare", ipShare));
        return view(loan, e);
    }

    public LoanLayersView layers(Caller caller, UUID loanId) {
        Loan loan = loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        Enrolled e = repo.enrolment(loanId)
                .orElseThrow(() -> NotFound.of("layered cover of loan " + loanId));
        return view(loan, e);
    }

    /** The bureau's work list: claims in a status (FILED, UNDER_REVIEW...), oldest first, at most {@value #QUEUE}. */
    public List<LayerClaimView> queue(Optional<LayerClaimStatus> status) {
        return repo.claimsIn(status, QUEUE).stream().map(LayerClaimView::of).toList();
    }

    // --- filing ---

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
        String by = actor(caller);
        for (Layer l : layers) {
            Waterfall.Part part = parts.get(l.party());
            if (l.kind() == LayerKind.BANK || part.amount().signum() == 0) {
                continue;
            }
            LocalDate windowEnds = l.claimWindowDays() == null ? null
                    : WorkingDays.after(standing.nonPerformingOn(), l.claimWindowDays());
            boolean late = windowEnds != null && today.isAfter(windowEnds);
            String reason = late ? "Filed on " + today + ", after the claim window of " + l.claimWindowDays()
                    + " working days from the loan's classification as non-performing on "
                    + standing.nonPerformingOn() + " (the window ended on " + windowEnds + ")." : null;
            LayerClaim c = new LayerClaim(UUID.randomUUID(), loanId, l.id(), l.party(), l.kind(), today,
                    standing.nonPerformingOn(), windowEnds, loss, covered, part.amount(), part.capped(),
                    late ? LayerClaimStatus.REFUSED : LayerClaimStatus.FILED, reason, null, null,
                    BigDecimal.ZERO.setScale(2), by, null, late ? SYSTEM : null);
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
                refused(SYSTEM, loan, c, reason);
            }
        }
        return view(loan, e);
    }

    // --- review, payment, refusal ---

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
        repo.startReview(claimId, actor(caller), now);
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
        repo.markPaid(claimId, payable, body.paidOn(), reason, actor(caller), now);
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
        repo.markRefused(claimId, reason, actor(caller), OffsetDateTime.now(clock));
        refused(actor(caller), loan, c, reason);
        return LayerClaimView.of(repo.lockClaim(loanId, claimId).orElseThrow());
    }

    // --- recoveries and clawbacks ---

    @Transactional
    public LayerRecoveryView recover(Caller caller, UUID loanId, LayerRecovery body) {
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        FieldErrors errors = new FieldErrors();
        Money.check(errors, "amount", body.amount(), true);
        BigDecimal costs = body.costs() == null ? BigDecimal.ZERO : body.costs();
        Money.check(errors, "costs", costs, false);
        if (!errors.has("amount") && !errors.has("costs") && costs.compareTo(body.amount()) > 0) {
            errors.add("costs", "must not exceed amount");
        }
        if (body.recoveredOn() == null) {
            errors.add("recoveredOn", "is required");
        } else if (body.recoveredOn().isAfter(LocalDate.now(clock))) {
            errors.add("recoveredOn", "is in the future");
        }
        errors.throwIfAny();
        Loan loan = loans.lock(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        repo.enrolment(loanId).orElseThrow(() -> Conflict.of("loan-not-enrolled",
                "Loan " + loanId + " is in no layered scheme."));
        List<LayerClaim> claims = repo.lockClaims(loanId);
        if (claims.isEmpty()) {
            throw Conflict.of("no-layer-claims", "Loan " + loanId + " has no layer claims to claw back from;"
                    + " record recoveries after filing.");
        }
        if (body.recoveredOn().isBefore(claims.get(0).filedOn())) {
            throw InvalidInput.of("recoveredOn", "is before the claims were filed (" + claims.get(0).filedOn() + ")");
        }
        if (claims.stream().anyMatch(c -> c.status() == LayerClaimStatus.FILED
                || c.status() == LayerClaimStatus.UNDER_REVIEW)) {
            throw Conflict.of("layer-claims-open", "Some claims of loan " + loanId + " are still open; a recovery"
                    + " is shared once every claim is paid or refused.");
        }
        BigDecimal loss = claims.get(0).loss();
        List<Recovered> before = repo.recoveries(loanId);
        BigDecimal net = body.amount().subtract(costs).setScale(2);
        BigDecimal recoveredSoFar = before.stream().map(Recovered::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (recoveredSoFar.add(net).compareTo(loss) > 0) {
            throw RuleViolation.of("recovery-exceeds-loss", "Net recoveries would reach "
                    + recoveredSoFar.add(net).toPlainString() + " yuan, beyond the loss of " + loss.toPlainString()
                    + " (at most " + loss.subtract(recoveredSoFar).toPlainString() + " more).");
        }
        // weights: the loss each party bore; headroom: what it has not yet had back
        Map<String, BigDecimal> weights = new TreeMap<>();
        Map<String, BigDecimal> headroom = new TreeMap<>();
        Map<String, LayerClaim> byParty = new HashMap<>();
        BigDecimal paidByLayers = BigDecimal.ZERO.setScale(2);
        for (LayerClaim c : claims) {
            if (c.status() == LayerClaimStatus.PAID) {
                weights.put(c.party(), c.paidAmount());
                headroom.put(c.party(), c.paidAmount().subtract(c.clawedBack()));
                byParty.put(c.party(), c);
                paidByLayers = paidByLayers.add(c.paidAmount());
            }
        }
        BigDecimal bankBore = loss.subtract(paidByLayers);
        BigDecimal bankHad = before.stream().map(Recovered::bankPart).reduce(BigDecimal.ZERO, BigDecimal::add);
        weights.put(Waterfall.BANK, bankBore);
        headroom.put(Waterfall.BANK, bankBore.subtract(bankHad));
        Map<String, BigDecimal> parts = net.signum() == 0 ? zeros(weights)
                : Waterfall.splitWithin(net, weights, headroom);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<UUID, BigDecimal> clawbacks = new LinkedHashMap<>();
        Map<String, BigDecimal> clawedByKey = new LinkedHashMap<>();
        List<LayerClaim> ordered = new ArrayList<>(byParty.values());
        ordered.sort((a, b) -> a.layerId().compareTo(b.layerId())); // one lock order: no deadlock between loans
        for (LayerClaim c : ordered) {
            BigDecimal part = parts.getOrDefault(c.party(), BigDecimal.ZERO.setScale(2));
            clawedByKey.put(Parties.key(c.party()), part);
            if (part.signum() == 0) {
                continue;
            }
            repo.lockLayer(c.layerId());
            repo.clawBack(c.id(), part, now);
            repo.refund(c.layerId(), part);
            clawbacks.put(c.id(), part);
        }
        Recovered r = new Recovered(UUID.randomUUID(), loanId, body.amount().setScale(2), costs.setScale(2), net,
                body.recoveredOn(), parts.get(Waterfall.BANK), actor(caller), clawbacks);
        repo.insertRecovery(r, now);
        for (LayerClaim c : ordered) {
            BigDecimal part = clawbacks.get(c.id());
            if (part == null) {
                continue;
            }
            audit.append(caller, "layer-claim.clawed-back", "layer_claim", c.id(), loan.bankId(), Map.of(
                    "recoveryId", r.id().toString(), "party", c.party(), "amount", part,
                    "recoveredOn", body.recoveredOn(), "net", net));
            events.publish(EventType.CLAIM_CLAWED_BACK, loan.bankId(), loanId, DomainEvent.data("loanId", loanId,
                    "claimId", c.id(), "party", c.party(), "amount", part, "recoveredOn", body.recoveredOn()));
        }
        audit.append(caller, "loan.layer-recovery", "loan", loanId, loan.bankId(), Map.of(
                "recoveryId", r.id().toString(), "amount", r.amount(), "costs", r.costs(), "net", net,
                "clawedBack", clawedByKey, "bankPart", r.bankPart()));
        return new LayerRecoveryView(r.id(), loanId, r.amount(), r.costs(), net, r.recoveredOn(), clawedByKey,
                r.bankPart());
    }

    // --- helpers ---

    /** The IP part of the loss: loss x IP value / (IP + other collateral value), to the fen HALF_UP. */
    static BigDecimal covered(BigDecimal loss, Enrolled e) {
        if (e.otherCollateralValue().signum() == 0) {
            return loss;
        }
        return loss.multiply(e.ipCollateralValue())
                .divide(e.ipCollateralValue().add(e.otherCollateralValue()), 2, RoundingMode.HALF_UP);
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

    private void refused(String actor, Loan loan, LayerClaim c, String reason) {
        audit.append(actor, "layer-claim.refused", "layer_claim", c.id(), loan.bankId(), Map.of(
                "party", c.party(), "amount", c.amount(), "reason", reason));
        events.publish(EventType.CLAIM_REFUSED, loan.bankId(), loan.id(), DomainEvent.data("loanId", loan.id(),
                "claimId", c.id(), "party", c.party(), "amount", c.amount(), "reason", reason));
    }

    private static Map<String, BigDecimal> zeros(Map<String, BigDecimal> weights) {
        Map<String, BigDecimal> out = new TreeMap<>();
        weights.keySet().forEach(p -> out.put(p, BigDecimal.ZERO.setScale(2)));
        return out;
    }

    private static String actor(Caller caller) {
        return caller.role() + ":" + caller.principalId();
    }

    private LoanLayersView view(Loan loan, Enrolled e) {
        LayeredScheme scheme = repo.scheme(e.schemeId()).orElseThrow();
        List<LayerClaim> claims = repo.claims(loan.id());
        BigDecimal loss = claims.isEmpty() ? null : claims.get(0).loss();
        BigDecimal covered = claims.isEmpty() ? null : claims.get(0).coveredLoss();
        // a refused claim, and what a payment fell short of, stay with the bank
        BigDecimal bankPart = loss == null ? null : loss.subtract(claims.stream()
                .map(c -> c.status() == LayerClaimStatus.PAID ? c.paidAmount()
                        : c.status() == LayerClaimStatus.REFUSED ? BigDecimal.ZERO : c.amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        Map<UUID, String> partyOf = new HashMap<>();
        claims.forEach(c -> partyOf.put(c.id(), c.party()));
        List<LayerRecoveryView> recoveries = repo.recoveries(loan.id()).stream().map(r -> {
            Map<String, BigDecimal> back = new LinkedHashMap<>();
            r.clawbacks().forEach((id, amount) -> back.put(Parties.key(partyOf.get(id)), amount));
            return new LayerRecoveryView(r.id(), r.loanId(), r.amount(), r.costs(), r.netAmount(), r.recoveredOn(),
                    back, r.bankPart());
        }).toList();
        return new LoanLayersView(loan.id(), scheme.id(), scheme.name(), e.principal(), e.ipCollateralValue(),
                e.otherCollateralValue(), e.ipShare(), e.enrolledBy(), e.enrolledAt(),
                claims.isEmpty() ? null : claims.get(0).nonPerformingOn(), loss, covered, bankPart,
                claims.stream().map(LayerClaimView::of).toList(), recoveries);
    }
}
