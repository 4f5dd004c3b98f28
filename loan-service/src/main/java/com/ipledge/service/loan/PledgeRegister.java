package com.ipledge.service.loan;

import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.NotPermitted;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.money.Money;
import com.ipledge.service.security.Caller;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.Transitions;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
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
import java.util.Set;
import java.util.UUID;

/**
 * A pledge that follows the register after it is registered: its later steps (changed, extended, released), and
 * the pledgee's consent to a licence or transfer of the pledged right (Civil Code art. 444), four eyes, whose
 * proceeds prepay the loan through the ordinary repayment path or go to an escrow account.
 */
@Singleton
public class PledgeRegister {
    /** Loans under which the pledge stands on the register. */
    static final Set<LoanStatus> PLEDGED = EnumSet.of(LoanStatus.PLEDGE_REGISTERED, LoanStatus.DISBURSED,
            LoanStatus.REPAYING);
    /** A pledge is cancelled when the loan is repaid, or the right disposed of after default. */
    static final Set<LoanStatus> RELEASABLE = EnumSet.of(LoanStatus.CLOSED, LoanStatus.DEFAULTED);

    /** Body of {@code POST /loans/{id}/pledge-steps}. */
    @Introspected
    public record StepRequest(@Nullable PledgeStep.Kind step, @Nullable String registrationNo,
                              @Nullable LocalDate registeredOn, @Nullable String certificateNo,
                              @Nullable BigDecimal debtAmount, @Nullable LocalDate debtEndsOn,
                              @Nullable String reason) {
    }

    /** Body of {@code POST /loans/{id}/pledge-consents}. */
    @Introspected
    public record ConsentRequest(@Nullable PledgeConsent.Kind kind, @Nullable String counterparty,
                                 @Nullable BigDecimal proceeds, @Nullable PledgeConsent.ProceedsUse proceedsUse,
                                 @Nullable String escrowAccount) {
    }

    /** Body of {@code POST /loans/{id}/pledge-consents/{consentId}/decision}. */
    @Introspected
    public record Decision(@Nullable Boolean approve, @Nullable String note) {
    }

    /** A decided consent and the loan after it (prepaid, or with the escrow recorded). */
    @Introspected
    public record Decided(PledgeConsent consent, LoanView loan) {
    }

    private final LoanRepository loans;
    private final PledgeRepository pledges;
    private final LoanService loanService;
    private final AuditLog audit;
    private final Clock clock;

    public PledgeRegister(LoanRepository loans, PledgeRepository pledges, LoanService loanService, AuditLog audit,
                          Clock clock) {
        this.loans = loans;
        this.pledges = pledges;
        this.loanService = loanService;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a later step of the registered pledge: CHANGED, EXTENDED or RELEASED; audited. */
    @Transactional
    public LoanView recordStep(Caller caller, UUID loanId, StepRequest r) {
        Loan loan = lock(caller, loanId);
        FieldErrors errors = new FieldErrors();
        if (r.step() == null || r.step() == PledgeStep.Kind.REGISTERED) {
            errors.add("step", "is required: CHANGED, EXTENDED or RELEASED (REGISTERED is the pledge registration)");
        }
        checkRegistration(errors, r.registrationNo(), r.registeredOn(), r.certificateNo());
        if (r.debtAmount() != null) {
            Money.check(errors, "debtAmount", r.debtAmount(), true);
        }
        if (r.reason() != null && r.reason().length() > 500) {
            errors.add("reason", "must be at most 500 characters");
        }
        errors.throwIfAny();
        List<PledgeStep> steps = pledges.steps(List.of(loanId)).getOrDefault(loanId, List.of());
        if (steps.isEmpty() || steps.get(steps.size() - 1).step() == PledgeStep.Kind.RELEASED) {
            throw Conflict.of("no-registered-pledge", "Loan " + loanId + " has no pledge in force on the "
                    + "register.");
        }
        PledgeStep current = current(steps);
        switch (r.step()) {
            case CHANGED -> {
                requireStatus(loan, PLEDGED, "change the pledge of");
                if (r.debtAmount() == null && r.debtEndsOn() == null) {
                    throw InvalidInput.of("debtAmount", "or debtEndsOn is required: a change registers a new "
                            + "debt amount or term");
                }
            }
            case EXTENDED -> {
                requireStatus(loan, PLEDGED, "extend the pledge of");
                if (r.debtEndsOn() == null) {
                    throw InvalidInput.of("debtEndsOn", "is required: the new day the debt falls due");
                }
                if (current.debtEndsOn() != null && !r.debtEndsOn().isAfter(current.debtEndsOn())) {
                    throw InvalidInput.of("debtEndsOn", "must be after " + current.debtEndsOn()
                            + ", the term registered now");
                }
            }
            default -> requireStatus(loan, RELEASABLE, "release the pledge of");
        }
        if (r.registeredOn().isBefore(steps.get(steps.size() - 1).registeredOn())) {
            throw InvalidInput.of("registeredOn", "is before the pledge's last step on the register");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        PledgeStep step = new PledgeStep(UUID.randomUUID(), r.step(), r.registrationNo().strip(), r.registeredOn(),
                r.certificateNo() == null ? null : r.certificateNo().strip(), r.debtAmount(), r.debtEndsOn(),
                r.reason() == null ? null : r.reason().strip(), caller.role() + ":" + caller.principalId(), now);
        pledges.insertStep(loanId, step);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("step", step.step().name());
        payload.put("registrationNo", step.registrationNo());
        payload.put("registeredOn", step.registeredOn());
        payload.put("certificateNo", step.certificateNo() == null ? "" : step.certificateNo());
        payload.put("debtAmount", step.debtAmount() == null ? "" : step.debtAmount());
        payload.put("debtEndsOn", step.debtEndsOn() == null ? "" : step.debtEndsOn());
        audit.append(caller, "loan.pledge-" + step.step().name().toLowerCase(java.util.Locale.ROOT), "loan", loanId,
                loan.bankId(), payload);
        return loanService.get(caller, loanId);
    }

    /** A request to license or transfer the pledged right; audited. */
    @Transactional
    public PledgeConsent request(Caller caller, UUID loanId, ConsentRequest r) {
        Loan loan = lock(caller, loanId);
        FieldErrors errors = new FieldErrors();
        if (r.kind() == null) {
            errors.add("kind", "is required: LICENCE or TRANSFER");
        }
        if (r.counterparty() == null || r.counterparty().isBlank()) {
            errors.add("counterparty", "is required: the licensee or transferee");
        } else if (r.counterparty().length() > 200) {
            errors.add("counterparty", "must be at most 200 characters");
        }
        Money.check(errors, "proceeds", r.proceeds(), true);
        if (r.proceedsUse() == null) {
            errors.add("proceedsUse", "is required: PREPAY (the loan) or ESCROW (an account the loan records)");
        } else if (r.proceedsUse() == PledgeConsent.ProceedsUse.ESCROW
                && (r.escrowAccount() == null || r.escrowAccount().isBlank())) {
            errors.add("escrowAccount", "is required when the proceeds go to escrow");
        } else if (r.proceedsUse() == PledgeConsent.ProceedsUse.PREPAY && r.escrowAccount() != null) {
            errors.add("escrowAccount", "applies to ESCROW only");
        }
        if (r.escrowAccount() != null && r.escrowAccount().length() > 60) {
            errors.add("escrowAccount", "must be at most 60 characters");
        }
        errors.throwIfAny();
        requireStatus(loan, PLEDGED, "ask consent to license or transfer the pledged right of");
        if (r.proceedsUse() == PledgeConsent.ProceedsUse.PREPAY && loan.status() == LoanStatus.PLEDGE_REGISTERED) {
            throw InvalidInput.of("proceedsUse", "PREPAY needs a disbursed loan; use ESCROW before disbursement");
        }
        PledgeConsent consent = new PledgeConsent(UUID.randomUUID(), loanId, r.kind(), r.counterparty().strip(),
                r.proceeds().setScale(2), r.proceedsUse(), r.escrowAccount() == null ? null : r.escrowAccount().strip(),
                PledgeConsent.Status.REQUESTED, caller.principalId(), OffsetDateTime.now(clock), null, null, null);
        pledges.insertConsent(consent);
        audit.append(caller, "loan.pledge-consent-requested", "loan", loanId, loan.bankId(), Map.of(
                "consentId", consent.id(), "kind", consent.kind().name(), "counterparty", consent.counterparty(),
                "proceeds", consent.proceeds(), "proceedsUse", consent.proceedsUse().name()));
        return consent;
    }

    /**
     * Approves or refuses a consent request; the decider is not the requester (four eyes). An approval whose
     * proceeds prepay the loan records them as a repayment on the business date (interest first, exact to the fen).
     */
    @Transactional
    public Decided decide(Caller caller, UUID loanId, UUID consentId, Decision d) {
        Loan loan = lock(caller, loanId);
        if (d.approve() == null) {
            throw InvalidInput.of("approve", "is required: true or false");
        }
        if (d.note() != null && d.note().length() > 500) {
            throw InvalidInput.of("note", "must be at most 500 characters");
        }
        PledgeConsent c = pledges.lockConsent(consentId, loanId)
                .orElseThrow(() -> NotFound.of("consent request " + consentId));
        if (c.status() != PledgeConsent.Status.REQUESTED) {
            throw Transitions.notAllowed("consent request", c.status(), "decide",
                    List.of(PledgeConsent.Status.REQUESTED));
        }
        if (caller.principalId().equals(c.requestedBy())) {
            throw NotPermitted.of("four-eyes",
                    "The consent must be decided by someone other than who requested it.");
        }
        if (d.approve()) {
            requireStatus(loan, PLEDGED, "consent to a licence or transfer of the pledged right of");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        PledgeConsent.Status status = d.approve() ? PledgeConsent.Status.APPROVED : PledgeConsent.Status.REFUSED;
        String note = d.note() == null ? null : d.note().strip();
        pledges.decide(consentId, status, caller.principalId(), now, note);
        audit.append(caller, "loan.pledge-consent-" + (d.approve() ? "approved" : "refused"), "loan", loanId,
                loan.bankId(), Map.of("consentId", consentId, "proceeds", c.proceeds(), "proceedsUse",
                        c.proceedsUse().name(), "note", note == null ? "" : note));
        LoanView after = d.approve() && c.proceedsUse() == PledgeConsent.ProceedsUse.PREPAY
                ? loanService.repay(caller, loanId, c.proceeds(), LocalDate.now(clock))
                : loanService.get(caller, loanId);
        return new Decided(new PledgeConsent(c.id(), c.loanId(), c.kind(), c.counterparty(), c.proceeds(),
                c.proceedsUse(), c.escrowAccount(), status, c.requestedBy(), c.requestedAt(), caller.principalId(),
                now, note), after);
    }

    /** The registered debt as the latest step that touched it says. */
    private static PledgeStep current(List<PledgeStep> steps) {
        BigDecimal amount = null;
        LocalDate endsOn = null;
        for (PledgeStep s : steps) {
            amount = s.debtAmount() != null ? s.debtAmount() : amount;
            endsOn = s.debtEndsOn() != null ? s.debtEndsOn() : endsOn;
        }
        PledgeStep last = steps.get(steps.size() - 1);
        return new PledgeStep(last.id(), last.step(), last.registrationNo(), last.registeredOn(),
                last.certificateNo(), amount, endsOn, last.reason(), last.recordedBy(), last.recordedAt());
    }

    private void checkRegistration(FieldErrors errors, String registrationNo, LocalDate registeredOn,
                                   String certificateNo) {
        if (registrationNo == null || registrationNo.isBlank()) {
            errors.add("registrationNo", "is required (the registry's number for this step)");
        } else if (registrationNo.length() > 60) {
            errors.add("registrationNo", "must be at most 60 characters");
        }
        if (registeredOn == null) {
            errors.add("registeredOn", "is required");
        } else if (registeredOn.isAfter(LocalDate.now(clock))) {
            errors.add("registeredOn", "is in the future");
        }
        if (certificateNo != null && (certificateNo.isBlank() || certificateNo.length() > 60)) {
            errors.add("certificateNo", "must be 1 to 60 characters");
        }
    }

    private static void requireStatus(Loan loan, Set<LoanStatus> allowed, String action) {
        if (!allowed.contains(loan.status())) {
            throw Transitions.notAllowed("loan", loan.status(), action, allowed);
        }
    }

    /** Another bank's loan answers 404 before its body is looked at. */
    private Loan lock(Caller caller, UUID loanId) {
        return loans.lock(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
    }
}
