package com.ipledge.service.subsidy;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.problem.Transitions;
import com.ipledge.service.security.Caller;
import com.ipledge.service.subsidy.Subsidies.Claim;
import com.ipledge.service.subsidy.Subsidies.Programme;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Quarterly claims: a bank files the quarter's unclaimed accruals of a programme as one claim, whose amount is
 * committed against the programme's budget by one conditional UPDATE (409 {@code subsidy-budget-exhausted} when it
 * does not fit, nothing written); the bureau approves or refuses (a refusal gives the commitment back) and pays.
 */
@Singleton
public class SubsidyClaims {
    private final SubsidyRepository repo;
    private final AuditLog audit;
    private final Clock clock;

    public SubsidyClaims(SubsidyRepository repo, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Claim file(Caller caller, SubsidyRequests.NewClaim body) {
        FieldErrors errors = new FieldErrors();
        if (body.programmeId() == null) {
            errors.add("programmeId", "is required");
        }
        if (body.year() == null || body.year() < 2000 || body.year() > 2100) {
            errors.add("year", "must be a year between 2000 and 2100");
        }
        if (body.quarter() == null || body.quarter() < 1 || body.quarter() > 4) {
            errors.add("quarter", "must be 1, 2, 3 or 4");
        }
        errors.throwIfAny();
        LocalDate quarterStarts = LocalDate.of(body.year(), body.quarter() * 3 - 2, 1);
        if (quarterStarts.isAfter(LocalDate.now(clock))) {
            throw InvalidInput.of("quarter", "has not begun (" + body.year() + " Q" + body.quarter() + ")");
        }
        Programme programme = repo.programme(body.programmeId())
                .orElseThrow(() -> InvalidInput.of("programmeId", "no such subsidy programme"));
        UUID bankId = caller.bankId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Claim claim = new Claim(UUID.randomUUID(), programme.id(), bankId, body.year(), body.quarter(),
                BigDecimal.ZERO.setScale(2), ClaimStatus.FILED, null, SubsidyProgrammes.actor(caller), now, null,
                null, null, null, null);
        repo.insertClaim(claim);
        List<BigDecimal> amounts = repo.attachUnclaimed(claim.id(), programme.id(), bankId, body.year(),
                body.quarter());
        BigDecimal amount = amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        if (amount.signum() == 0) {
            throw RuleViolation.of("subsidy-nothing-to-claim", "The bank has no unclaimed subsidy of programme "
                    + programme.code() + " in " + body.year() + " Q" + body.quarter() + ".");
        }
        if (!repo.commit(programme.id(), amount, now)) {
            Programme current = repo.programme(programme.id()).orElseThrow();
            throw Conflict.of("subsidy-budget-exhausted", "Programme " + programme.code() + " has "
                    + current.available() + " yuan of its budget left; this claim is " + amount + " yuan.",
                    Map.of("programmeId", programme.id(), "available", current.available(), "claimed", amount));
        }
        repo.setClaimAmount(claim.id(), amount);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("programmeId", programme.id());
        payload.put("year", body.year());
        payload.put("quarter", body.quarter());
        payload.put("amount", amount);
        payload.put("accruals", amounts.size());
        audit.append(caller, "subsidy-claim.filed", "subsidy_claim", claim.id(), bankId, payload);
        return get(caller, claim.id());
    }

    /** The bureau approves a filed claim, or refuses it with a reason (its commitment goes back to the budget). */
    @Transactional
    public Claim decide(Caller caller, UUID id, SubsidyRequests.ClaimDecision body) {
        Claim claim = repo.claim(id, caller.bankScope()).orElseThrow(() -> NotFound.of("subsidy claim " + id));
        FieldErrors errors = new FieldErrors();
        if (body.approve() == null) {
            errors.add("approve", "is required (true or false)");
        }
        String reason = body.reason() == null ? null : body.reason().strip();
        if (Boolean.FALSE.equals(body.approve()) && (reason == null || reason.isEmpty())) {
            errors.add("reason", "is required when refusing");
        } else if (reason != null && reason.length() > 500) {
            errors.add("reason", "must be at most 500 characters");
        }
        errors.throwIfAny();
        ClaimStatus to = body.approve() ? ClaimStatus.APPROVED : ClaimStatus.REFUSED;
        OffsetDateTime now = OffsetDateTime.now(clock);
        Claim decided = repo.decide(id, ClaimStatus.FILED, to, reason, SubsidyProgrammes.actor(caller), now)
                .orElseThrow(() -> Transitions.notAllowed("subsidy claim", claim.status(), "decide",
                        EnumSet.of(ClaimStatus.FILED)));
        if (to == ClaimStatus.REFUSED && !repo.uncommit(claim.programmeId(), claim.amount(), now)) {
            throw new IllegalStateException("commitment of claim " + id + " not found on its programme");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("amount", claim.amount());
        payload.put("status", to.name());
        if (reason != null) {
            payload.put("reason", reason);
        }
        audit.append(caller, to == ClaimStatus.APPROVED ? "subsidy-claim.approved" : "subsidy-claim.refused",
                "subsidy_claim", id, claim.bankId(), payload);
        return get(caller, decided.id());
    }

    /** The bureau pays an approved claim: its commitment becomes paid. */
    @Transactional
    public Claim pay(Caller caller, UUID id, SubsidyRequests.ClaimPayment body) {
        Claim claim = repo.claim(id, caller.bankScope()).orElseThrow(() -> NotFound.of("subsidy claim " + id));
        LocalDate today = LocalDate.now(clock);
        if (body.paidOn() == null) {
            throw InvalidInput.of("paidOn", "is required");
        }
        if (body.paidOn().isAfter(today)) {
            throw InvalidInput.of("paidOn", "is in the future");
        }
        if (claim.decidedAt() != null && body.paidOn().isBefore(
                claim.decidedAt().atZoneSameInstant(clock.getZone()).toLocalDate())) {
            throw InvalidInput.of("paidOn", "is before the claim was approved");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        repo.markPaid(id, body.paidOn(), now).orElseThrow(() -> Transitions.notAllowed("subsidy claim",
                claim.status(), "pay", EnumSet.of(ClaimStatus.APPROVED)));
        if (!repo.pay(claim.programmeId(), claim.amount(), now)) {
            throw new IllegalStateException("commitment of claim " + id + " not found on its programme");
        }
        audit.append(caller, "subsidy-claim.paid", "subsidy_claim", id, claim.bankId(),
                Map.of("amount", claim.amount(), "paidOn", body.paidOn()));
        return get(caller, id);
    }

    public Claim get(Caller caller, UUID id) {
        Claim claim = repo.claim(id, caller.bankScope()).orElseThrow(() -> NotFound.of("subsidy claim " + id));
        return claim.withAccruals(repo.accruals(caller.bankScope(), Optional.empty(), Optional.empty(),
                Optional.of(id)));
    }

    public List<Claim> list(Caller caller, Optional<UUID> programmeId, Optional<ClaimStatus> status) {
        return repo.claims(caller.bankScope(), programmeId, status);
    }
}
