package com.ipledge.service.loan;

import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.application.ApplicationStatus;
import com.ipledge.service.application.LoanApplication;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.service.identifier.UnifiedSocialCreditCode;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.ipasset.LegalStatus;
import com.ipledge.service.loan.schedule.PrepaymentMode;
import com.ipledge.service.loan.schedule.RepaymentAllocation;
import com.ipledge.service.loan.schedule.RepaymentInputException;
import com.ipledge.service.loan.schedule.RepaymentSchedule;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.Transitions;
import com.ipledge.service.quota.QuotaService;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import com.ipledge.service.web.SyncWindow;
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
 * A loan from approval to closure: pledge registration, disbursement (quota draw + schedule), repayments
 * (interest first), closure with the pledge released, and withdrawal or expiry before disbursement (quota given
 * back). Every change locks the loan row, checks the transition, and is audited.
 */
@Singleton
public class LoanService {
    private final LoanRepository loans;
    private final ApplicationService applications;
    private final IpAssetService assets;
    private final QuotaService quotas;
    private final DisbursementListener disbursements;
    private final LoanClassifications classifications;
    private final AuditLog audit;
    private final Clock clock;

    private final DomainEvents events;
    private final PreFilingChecks preFiling;
    private final PledgeRepository pledges;
    private final List<RepaymentListener> repaymentListeners;
    private final LoanViews views;

    public LoanService(LoanRepository loans, ApplicationService applications, IpAssetService assets,
                       QuotaService quotas, DisbursementListener disbursements, LoanClassifications classifications,
                       AuditLog audit, Clock clock, DomainEvents events, PreFilingChecks preFiling,
                       PledgeRepository pledges, List<RepaymentListener> repaymentListeners, LoanViews views) {
        this.repaymentListeners = repaymentListeners;
        this.views = views;
        this.events = events;
        this.pledges = pledges;
        this.preFiling = preFiling;
        this.disbursements = disbursements;
        this.classifications = classifications;
        this.loans = loans;
        this.applications = applications;
        this.assets = assets;
        this.quotas = quotas;
        this.audit = audit;
        this.clock = clock;
    }

    public LoanView get(Caller caller, UUID id) {
        return views.of(loans.find(id, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + id)));
    }

    /** The caller's bank's loans, filtered; a sync read when updatedSince or cursor is given. */
    public Page<LoanView> list(Caller caller, Optional<LoanStatus> status, Optional<UUID> borrowerId,
                               Optional<Classification> classification, int page, int size,
                               Optional<SyncWindow> sync) {
        Page.check(page, size);
        LoanRepository.Filter filter = new LoanRepository.Filter(caller.bankScope(), status, borrowerId,
                classification);
        long total = loans.count(filter, sync);
        if (sync.isEmpty()) {
            return new Page<>(views.of(loans.list(filter, page, size)), page, size, total);
        }
        LoanRepository.SyncPage found = loans.list(filter, sync.get(), size);
        return new Page<>(views.of(found.loans()), 0, size, total, sync.get().nextCursor(found.last()));
    }

    @Transactional
    public LoanView registerPledge(Caller caller, UUID id, String registrationNo, LocalDate registeredOn,
                                   String certificateNo, String pledgorCreditCode, boolean riskAcknowledged) {
        requireVisible(caller, id);
        FieldErrors errors = new FieldErrors();
        if (registrationNo == null || registrationNo.isBlank()) {
            errors.add("registrationNo", "is required (the CNIPA or trademark office pledge registration number)");
        } else if (registrationNo.length() > 60) {
            errors.add("registrationNo", "must be at most 60 characters");
        }
        LocalDate today = LocalDate.now(clock);
        if (registeredOn == null) {
            errors.add("registeredOn", "is required");
        } else if (registeredOn.isAfter(today)) {
            errors.add("registeredOn", "is in the future");
        }
        if (certificateNo != null && (certificateNo.isBlank() || certificateNo.length() > 60)) {
            errors.add("certificateNo", "must be 1 to 60 characters");
        }
        if (pledgorCreditCode != null) {
            UnifiedSocialCreditCode.problem(pledgorCreditCode).ifPresent(p -> errors.add("pledgorCreditCode", p));
        }
        errors.throwIfAny();
        Loan loan = lockFor(caller, id, LoanStatus.PLEDGE_REGISTERED, "register the pledge of");
        if (registeredOn.isBefore(loan.approvedAt().atZoneSameInstant(clock.getZone()).toLocalDate())) {
            throw InvalidInput.of("registeredOn", "is before the loan was approved");
        }
        // what the registry would refuse is refused here, before anything is written
        preFiling.check(loan, collateralOf(loan), pledgorCreditCode, riskAcknowledged, registeredOn);
        Loan next = with(loan, LoanStatus.PLEDGE_REGISTERED, registrationNo.strip(), registeredOn, null,
                loan.outstandingPrincipal(), null);
        loans.update(next, OffsetDateTime.now(clock));
        pledges.insertStep(id, new PledgeStep(UUID.randomUUID(), PledgeStep.Kind.REGISTERED,
                next.pledgeRegistrationNo(), registeredOn, certificateNo == null ? null : certificateNo.strip(), loan.principal(),
                registeredOn.plusMonths(loan.termMonths()), null, caller.role() + ":" + caller.principalId(),
                OffsetDateTime.now(clock)));
        assets.updateStatus(collateralOf(loan), LegalStatus.PLEDGED);
        audit.append(caller, "loan.pledge-registered", "loan", id, loan.bankId(),
                Map.of("registrationNo", next.pledgeRegistrationNo(), "registeredOn", registeredOn));
        events.publish(EventType.PLEDGE_REGISTERED, loan.bankId(), id, DomainEvent.data("loanId", id,
                "registrationNo", next.pledgeRegistrationNo(), "registeredOn", registeredOn));
        return views.of(next);
    }

    @Transactional
    public LoanView disburse(Caller caller, UUID id, LocalDate disbursedOn) {
        requireVisible(caller, id);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = disbursedOn == null ? today : disbursedOn;
        if (on.isAfter(today)) {
            throw InvalidInput.of("disbursedOn", "is in the future");
        }
        Loan loan = lockFor(caller, id, LoanStatus.DISBURSED, "disburse");
        if (loan.expiresAt().isBefore(OffsetDateTime.now(clock))) {
            throw Conflict.of("approval-expired", "The approval expired on " + loan.expiresAt()
                    + "; its quota is being released. Apply again.");
        }
        if (on.isBefore(loan.pledgeRegisteredOn())) {
            throw InvalidInput.of("disbursedOn", "is before the pledge was registered");
        }
        RepaymentSchedule schedule;
        try {
            schedule = RepaymentSchedule.fromDisbursement(loan.principal(), loan.annualRate(), loan.termMonths(), on,
                    loan.repaymentType());
        } catch (RepaymentInputException e) {
            throw asProblem(e);
        }
        quotas.draw(loan.quotaPlanId(), loan.id(), loan.principal());
        loans.insertSchedule(loan.id(), schedule);
        Loan next = with(loan, LoanStatus.DISBURSED, loan.pledgeRegistrationNo(), loan.pledgeRegisteredOn(), on,
                loan.principal(), null);
        loans.update(next, OffsetDateTime.now(clock));
        // premiums, subsidies and the pool's capacity are fixed at disbursement, in this transaction
        disbursements.onDisbursed(next);
        audit.append(caller, "loan.disbursed", "loan", id, loan.bankId(), Map.of("disbursedOn", on,
                "principal", loan.principal(), "totalInterest", schedule.totalInterest(),
                "scheduleVersion", RepaymentSchedule.ARITHMETIC_VERSION));
        events.publish(EventType.LOAN_DISBURSED, loan.bankId(), id, DomainEvent.data("loanId", id, "disbursedOn", on,
                "principal", loan.principal(), "totalInterest", schedule.totalInterest()));
        return views.of(next);
    }

    @Transactional
    public LoanView repay(Caller caller, UUID id, BigDecimal amount, LocalDate paidOn) {
        return repay(caller, id, amount, paidOn, null);
    }

    /** A repayment; what an early part of it does to the remaining plan is {@code mode} (null: the term shortens). */
    @Transactional
    public LoanView repay(Caller caller, UUID id, BigDecimal amount, LocalDate paidOn, PrepaymentMode mode) {
        requireVisible(caller, id);
        FieldErrors errors = new FieldErrors();
        Money.check(errors, "amount", amount, true);
        LocalDate today = LocalDate.now(clock);
        if (paidOn == null) {
            errors.add("paidOn", "is required");
        } else if (paidOn.isAfter(today)) {
            errors.add("paidOn", "is in the future");
        }
        errors.throwIfAny();
        Loan loan = lockFor(caller, id, LoanStatus.REPAYING, "repay");
        if (paidOn.isBefore(loan.disbursedOn())) {
            throw InvalidInput.of("paidOn", "is before the loan was disbursed");
        }
        RepaymentSchedule schedule = new RepaymentSchedule(loans.scheduleLines(id), loan.principal(),
                loan.annualRate(), loan.repaymentType());
        RepaymentAllocation allocation;
        try {
            allocation = RepaymentAllocation.allocate(schedule, loans.linePayments(id), amount, paidOn, mode);
        } catch (RepaymentInputException e) {
            throw asProblem(e);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        loans.replaceSchedule(id, allocation.schedule(), allocation.paid());
        UUID repaymentId = UUID.randomUUID();
        loans.insertRepayment(id, new LoanRepository.Repayment(repaymentId, allocation.amount(), paidOn,
                allocation.interestPaid(), allocation.principalPaid(), now));
        LoanStatus status = allocation.fullyRepaid() ? LoanStatus.CLOSED : LoanStatus.REPAYING;
        Loan next = with(loan, status, loan.pledgeRegistrationNo(), loan.pledgeRegisteredOn(), loan.disbursedOn(),
                allocation.outstandingPrincipal(), allocation.fullyRepaid() ? paidOn : null);
        loans.update(next, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("amount", allocation.amount());
        payload.put("paidOn", paidOn);
        payload.put("interest", allocation.interestPaid());
        payload.put("principal", allocation.principalPaid());
        payload.put("outstanding", allocation.outstandingPrincipal());
        if (mode != null && allocation.prepaidPrincipal().signum() > 0) {
            payload.put("prepaymentMode", mode.name());
        }
        audit.append(caller, "loan.repayment", "loan", id, loan.bankId(), payload);
        RepaymentListener.Repaid repaid = new RepaymentListener.Repaid(repaymentId, paidOn, allocation.amount(),
                allocation.interestPaid(), allocation.principalPaid());
        repaymentListeners.forEach(l -> l.onRepaid(next, repaid));
        // a repayment may clear arrears: the classification follows at once, not at close of business
        classifications.reclassify(id, caller.role() + ":" + caller.principalId());
        events.publish(EventType.REPAYMENT_RECORDED, loan.bankId(), id, DomainEvent.data("loanId", id,
                "amount", allocation.amount(), "paidOn", paidOn, "interest", allocation.interestPaid(),
                "principal", allocation.principalPaid(), "outstanding", allocation.outstandingPrincipal(),
                "closed", allocation.fullyRepaid()));
        if (allocation.fullyRepaid()) {
            assets.releasePledge(collateralOf(loan), id);
            audit.append(caller, "loan.closed", "loan", id, loan.bankId(), Map.of("closedOn", paidOn,
                    "pledgeReleased", true));
            events.publish(EventType.PLEDGE_RELEASED, loan.bankId(), id, DomainEvent.data("loanId", id,
                    "registrationNo", loan.pledgeRegistrationNo(), "releasedOn", paidOn, "reason", "REPAID"));
        }
        return views.of(next);
    }

    /** The bank's own classification of a loan: the floor its days past due set, or worse, with a reason. */
    @Transactional
    public LoanView classify(Caller caller, UUID id, Classification classification, String reason) {
        requireVisible(caller, id);
        classifications.classifyByBank(caller, id, classification, reason);
        return views.of(loans.find(id, caller.bankScope()).orElseThrow());
    }

    /** Withdraws an application, and its loan if approved but not yet disbursed (the quota goes back). */
    @Transactional
    public Map<String, Object> withdraw(Caller caller, UUID applicationId, String reason) {
        LoanApplication application = applications.lock(applicationId, caller.bankScope())
                .orElseThrow(() -> NotFound.of("application " + applicationId));
        if (!ApplicationStatus.WITHDRAWABLE.contains(application.status())) {
            throw Transitions.notAllowed("application", application.status(), "withdraw",
                    ApplicationStatus.WITHDRAWABLE);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Loan> loan = loans.findByApplication(applicationId);
        if (loan.isPresent()) {
            Loan l = loans.lock(loan.get().id(), Optional.empty()).orElseThrow();
            if (!l.status().holdsReservation()) {
                throw Transitions.notAllowed("loan", l.status(), "withdraw",
                        EnumSet.of(LoanStatus.APPROVED, LoanStatus.PLEDGE_REGISTERED));
            }
            endBeforeDisbursement(l, LoanStatus.WITHDRAWN, now);
        }
        applications.updateStatus(applicationId, ApplicationStatus.WITHDRAWN, now);
        audit.append(caller, "application.withdrawn", "application", applicationId, application.bankId(),
                Map.of("reason", reason == null ? "" : reason.strip(), "loanId",
                        loan.map(l -> l.id().toString()).orElse("")));
        return Map.of("applicationId", applicationId, "status", ApplicationStatus.WITHDRAWN.name());
    }

    /**
     * Expires approvals that were not disbursed in time and gives their quota back. Run by the scheduler; each loan
     * is locked and re-checked, so two instances running it at once expire each loan once.
     */
    @Transactional
    public int expireApprovals(int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int expired = 0;
        for (Loan candidate : loans.expiredReservations(now, limit)) {
            Loan l = loans.lock(candidate.id(), Optional.empty()).orElseThrow();
            if (!l.status().holdsReservation() || !l.expiresAt().isBefore(now)) {
                continue;
            }
            endBeforeDisbursement(l, LoanStatus.EXPIRED, now);
            applications.updateStatus(l.applicationId(), ApplicationStatus.EXPIRED, now);
            audit.append("SYSTEM:approval-expiry", "loan.expired", "loan", l.id(), l.bankId(),
                    Map.of("expiresAt", l.expiresAt(), "released", l.principal()));
            expired++;
        }
        return expired;
    }

    private void endBeforeDisbursement(Loan l, LoanStatus status, OffsetDateTime now) {
        quotas.release(l.quotaPlanId(), l.id(), l.principal());
        if (l.status() == LoanStatus.PLEDGE_REGISTERED) {
            assets.releasePledge(collateralOf(l), l.id());
            events.publish(EventType.PLEDGE_RELEASED, l.bankId(), l.id(), DomainEvent.data("loanId", l.id(),
                    "registrationNo", l.pledgeRegistrationNo(),
                    "releasedOn", now.atZoneSameInstant(clock.getZone()).toLocalDate(), "reason", status.name()));
        }
        loans.update(with(l, status, l.pledgeRegistrationNo(), l.pledgeRegisteredOn(), null, l.principal(), null),
                now);
    }

    /** Another bank's loan answers 404 before anything in the request is looked at. */
    private void requireVisible(Caller caller, UUID id) {
        if (loans.find(id, caller.bankScope()).isEmpty()) {
            throw NotFound.of("loan " + id);
        }
    }

    private Loan lockFor(Caller caller, UUID id, LoanStatus target, String action) {
        Loan loan = loans.lock(id, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + id));
        if (!loan.status().next().contains(target)) {
            Set<LoanStatus> from = EnumSet.noneOf(LoanStatus.class);
            for (LoanStatus s : LoanStatus.values()) {
                if (s.next().contains(target)) {
                    from.add(s);
                }
            }
            throw Transitions.notAllowed("loan", loan.status(), action, from);
        }
        return loan;
    }

    private List<UUID> collateralOf(Loan loan) {
        return applications.find(loan.applicationId(), Optional.empty()).orElseThrow().collateralAssetIds();
    }

    private static Loan with(Loan l, LoanStatus status, String registrationNo, LocalDate registeredOn,
                             LocalDate disbursedOn, BigDecimal outstanding, LocalDate closedOn) {
        return new Loan(l.id(), l.applicationId(), l.bankId(), l.borrowerId(), l.decisionId(), l.quotaPlanId(),
                l.principal(), l.annualRate(), l.termMonths(), l.repaymentType(), status, l.approvedAt(),
                l.expiresAt(), registrationNo, registeredOn, disbursedOn, outstanding, closedOn, l.version());
    }

    private static InvalidInput asProblem(RepaymentInputException e) {
        return InvalidInput.of(e.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList());
    }
}
