package com.ipledge.service.losssharing;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.Loans;
import com.ipledge.service.losssharing.RiskLayerRepository.LayerClaim;
import com.ipledge.service.losssharing.RiskLayerRepository.Recovered;
import com.ipledge.service.losssharing.RiskLayerRequests.LayerRecovery;
import com.ipledge.service.losssharing.RiskLayerViews.LayerRecoveryView;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Recoveries on a loan whose layer claims are decided: split pro rata to the loss each party bore (the layers'
 * payments, the bank's remainder) with {@link Waterfall#splitWithin}; each layer's part is clawed back to its
 * balance, to the fen.
 */
@Singleton
public class LayerRecoveries {
    private final RiskLayerRepository repo;
    private final Loans loans;
    private final AuditLog audit;
    private final DomainEvents events;
    private final Clock clock;

    public LayerRecoveries(RiskLayerRepository repo, Loans loans, AuditLog audit, DomainEvents events, Clock clock) {
        this.repo = repo;
        this.loans = loans;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

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
                body.recoveredOn(), parts.get(Waterfall.BANK), LayerEnrolments.actor(caller), clawbacks);
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

    private static Map<String, BigDecimal> zeros(Map<String, BigDecimal> weights) {
        Map<String, BigDecimal> out = new TreeMap<>();
        weights.keySet().forEach(p -> out.put(p, BigDecimal.ZERO.setScale(2)));
        return out;
    }
}
