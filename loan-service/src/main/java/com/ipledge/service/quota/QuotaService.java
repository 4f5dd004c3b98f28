package com.ipledge.service.quota;

import com.ipledge.rules.EcoIndustry;
import com.ipledge.service.admin.AdminService;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps every bank inside its earmarked credit plan. Approval reserves, disbursement converts the reservation
 * into a draw, expiry or withdrawal releases it. Repayments do not restore quota: the plan caps the year's
 * lending, not the outstanding book.
 */
@Singleton
public class QuotaService {
    private final QuotaRepository plans;
    private final AdminService banks;
    private final AuditLog audit;
    private final Clock clock;

    public QuotaService(QuotaRepository plans, AdminService banks, AuditLog audit, Clock clock) {
        this.plans = plans;
        this.banks = banks;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public QuotaPlanView create(Caller caller, UUID bankId, Integer year, BigDecimal amount, String segment) {
        FieldErrors errors = new FieldErrors();
        if (bankId == null) {
            errors.add("bankId", "is required");
        } else if (banks.find(bankId).isEmpty()) {
            errors.add("bankId", "no such bank");
        }
        if (year == null || year < 2000 || year > 2100) {
            errors.add("year", "must be a year between 2000 and 2100");
        }
        Money.check(errors, "amount", amount, true);
        String seg = segment == null ? QuotaPlan.ALL : segment;
        if (!isSegment(seg)) {
            errors.add("segment", "must be ALL, an IP type or an ecological industry");
        }
        errors.throwIfAny();
        QuotaPlan plan = plans.insert(bankId, year, seg, Money.yuan(amount), OffsetDateTime.now(clock))
                .orElseThrow(() -> Conflict.of("quota-plan-exists",
                        "This bank already has a " + seg + " plan for " + year + "; change its amount instead.",
                        Map.of("planId", plans.find(bankId, year, seg).orElseThrow().id())));
        audit.append(caller, "quota-plan.created", "quota_plan", plan.id(), bankId,
                Map.of("year", year, "segment", seg, "amount", plan.amount()));
        return QuotaPlanView.of(plan);
    }

    @Transactional
    public QuotaPlanView resize(Caller caller, UUID planId, BigDecimal amount) {
        FieldErrors errors = new FieldErrors();
        Money.check(errors, "amount", amount, true);
        errors.throwIfAny();
        QuotaPlan before = plans.find(planId, Optional.empty())
                .orElseThrow(() -> NotFound.of("quota plan " + planId));
        if (!plans.resize(planId, Money.yuan(amount), OffsetDateTime.now(clock))) {
            throw Conflict.of("quota-below-use", "The plan has " + before.reserved().add(before.drawn())
                    + " yuan reserved or drawn; it cannot be set below that.");
        }
        audit.append(caller, "quota-plan.resized", "quota_plan", planId, before.bankId(),
                Map.of("from", before.amount(), "to", Money.yuan(amount)));
        return QuotaPlanView.of(plans.find(planId, Optional.empty()).orElseThrow());
    }

    public List<QuotaPlanView> list(Caller caller, Optional<Integer> year) {
        return plans.list(caller.bankScope(), year).stream().map(QuotaPlanView::of).toList();
    }

    /**
     * The plan a loan draws on: the bank's plan for the borrower's ecological industry if it has one, else for
     * the main collateral's IP type, else its ALL plan.
     */
    public Optional<QuotaPlan> planFor(UUID bankId, int year, EcoIndustry ecoIndustry, IpType mainCollateral) {
        if (ecoIndustry != null) {
            Optional<QuotaPlan> p = plans.find(bankId, year, ecoIndustry.name());
            if (p.isPresent()) {
                return p;
            }
        }
        if (mainCollateral != null) {
            Optional<QuotaPlan> p = plans.find(bankId, year, mainCollateral.name());
            if (p.isPresent()) {
                return p;
            }
        }
        return plans.find(bankId, year, QuotaPlan.ALL);
    }

    /** Reserves in the caller's transaction or throws 409 naming the headroom left. */
    @Transactional
    public void reserve(QuotaPlan plan, UUID loanId, BigDecimal amount) {
        if (!plans.reserve(plan.id(), loanId, amount, OffsetDateTime.now(clock))) {
            QuotaPlan now = plans.find(plan.id(), Optional.empty()).orElseThrow();
            throw Conflict.of("quota-exhausted", "The bank's " + now.year() + " " + now.segment()
                    + " credit plan has " + now.available() + " yuan left; " + amount + " was asked.",
                    Map.of("planId", now.id(), "available", now.available()));
        }
    }

    @Transactional
    public void release(UUID planId, UUID loanId, BigDecimal amount) {
        if (!plans.release(planId, loanId, amount, OffsetDateTime.now(clock))) {
            throw new IllegalStateException("reservation of loan " + loanId + " not found on plan " + planId);
        }
    }

    @Transactional
    public void draw(UUID planId, UUID loanId, BigDecimal amount) {
        if (!plans.draw(planId, loanId, amount, OffsetDateTime.now(clock))) {
            throw new IllegalStateException("reservation of loan " + loanId + " not found on plan " + planId);
        }
    }

    public List<QuotaRepository.Reconciliation> reconcile() {
        return plans.reconcile();
    }

    static boolean isSegment(String s) {
        if (QuotaPlan.ALL.equals(s)) {
            return true;
        }
        for (IpType t : IpType.values()) {
            if (t.name().equals(s)) {
                return true;
            }
        }
        for (EcoIndustry e : EcoIndustry.values()) {
            if (e.name().equals(s)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------ plans as other features read them

    public List<QuotaPlan> plans(Optional<UUID> bankScope, Optional<Integer> year) {
        return plans.list(bankScope, year);
    }

    /** A plan seeded without a caller (demo data), hence not audited; empty when the segment has one. */
    public Optional<QuotaPlan> insert(UUID bankId, int year, String segment, BigDecimal amount, OffsetDateTime now) {
        return plans.insert(bankId, year, segment, amount, now);
    }
}
