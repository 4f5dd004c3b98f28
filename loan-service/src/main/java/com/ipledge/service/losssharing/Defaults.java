package com.ipledge.service.losssharing;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.LoanStatus;
import com.ipledge.service.loan.Loans;
import com.ipledge.service.loan.schedule.LinePayment;
import com.ipledge.service.loan.schedule.ScheduleLine;
import com.ipledge.service.losssharing.LossSharingRepository.Allocation;
import com.ipledge.service.losssharing.LossSharingRepository.Claim;
import com.ipledge.service.losssharing.LossSharingRepository.Cover;
import com.ipledge.service.losssharing.LossSharingRepository.DefaultRecord;
import com.ipledge.service.losssharing.LossSharingRepository.Recovery;
import com.ipledge.service.losssharing.LossSharingViews.AllocationView;
import com.ipledge.service.losssharing.LossSharingViews.ClaimView;
import com.ipledge.service.losssharing.LossSharingViews.DefaultView;
import com.ipledge.service.losssharing.LossSharingViews.RecoveryView;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.Transitions;
import com.ipledge.service.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A default: EAD = outstanding principal + interest due and unpaid on lines due up to the default date; loss =
 * EAD; the loss is split by {@link Waterfall} (largest remainder, caps, fall-back to the bank) and one claim is
 * filed per non-bank party with a positive part.
 */
@Singleton
public class Defaults {
    private final LossSharingRepository repo;
    private final Covers covers;
    private final Loans loans;
    private final AuditLog audit;
    private final Clock clock;

    public Defaults(LossSharingRepository repo, Covers covers, Loans loans, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.covers = covers;
        this.loans = loans;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public DefaultView declareDefault(Caller caller, UUID loanId, LossSharingRequests.DefaultRequest body) {
        // another bank's loan is 404 before anything in the request is looked at
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        FieldErrors errors = new FieldErrors();
        LocalDate today = LocalDate.now(clock);
        if (body.defaultedOn() == null) {
            errors.add("defaultedOn", "is required");
        } else if (body.defaultedOn().isAfter(today)) {
            errors.add("defaultedOn", "is in the future");
        }
        String note = body.note() == null ? null : body.note().strip();
        if (note != null && note.length() > 1000) {
            errors.add("note", "must be at most 1000 characters");
        }
        errors.throwIfAny();
        Loan loan = loans.lock(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        if (!loan.status().isLive()) {
            throw Transitions.notAllowed("loan", loan.status(), "declare a default on",
                    EnumSet.of(LoanStatus.DISBURSED, LoanStatus.REPAYING));
        }
        LocalDate on = body.defaultedOn();
        if (on.isBefore(loan.disbursedOn())) {
            throw InvalidInput.of("defaultedOn", "is before the loan was disbursed (" + loan.disbursedOn() + ")");
        }
        BigDecimal interestDue = interestDueAndUnpaid(loans, loan.id(), on);
        BigDecimal ead = loan.outstandingPrincipal().add(interestDue).setScale(2);
        BigDecimal loss = ead;
        List<Cover> cover = covers.frozenOrToday(loan);
        Map<String, BigDecimal> shares = new TreeMap<>();
        Map<String, BigDecimal> caps = new HashMap<>();
        for (Cover c : cover) {
            shares.put(c.party(), c.share());
            if (c.lossCap() != null) {
                caps.put(c.party(), c.lossCap());
            }
        }
        List<Allocation> allocations = Waterfall.allocate(loss, shares, caps).stream()
                .map(p -> new Allocation(p.party(), p.share().setScale(Ratios.SCALE), p.amount(), p.capped()))
                .toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        DefaultRecord record = new DefaultRecord(loan.id(), loan.bankId(), on, note, cover.get(0).ruleScheme(),
                loan.outstandingPrincipal(), interestDue, ead, loss, BigDecimal.ZERO.setScale(2),
                BigDecimal.ONE.setScale(Ratios.SCALE), now);
        repo.insertDefault(record, allocations);
        for (Allocation a : allocations) {
            if (!Parties.BANK.equals(a.party()) && a.amount().signum() > 0) {
                repo.insertClaim(new Claim(UUID.randomUUID(), loan.id(), a.party(), a.amount(), ClaimStatus.FILED,
                        on, null), now);
            }
        }
        loans.update(new Loan(loan.id(), loan.applicationId(), loan.bankId(), loan.borrowerId(), loan.decisionId(),
                loan.quotaPlanId(), loan.principal(), loan.annualRate(), loan.termMonths(), loan.repaymentType(),
                LoanStatus.DEFAULTED, loan.approvedAt(), loan.expiresAt(), loan.pledgeRegistrationNo(),
                loan.pledgeRegisteredOn(), loan.disbursedOn(), loan.outstandingPrincipal(), loan.closedOn(),
                loan.version()), now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("defaultedOn", on);
        payload.put("note", note == null ? "" : note);
        payload.put("exposureAtDefault", ead);
        payload.put("interestDue", interestDue);
        payload.put("loss", loss);
        payload.put("lossAllocation", allocationMap(allocations));
        audit.append(caller, "loan.defaulted", "loan", loan.id(), loan.bankId(), payload);
        return view(record, allocations, repo.claims(loan.id()), List.of());
    }

    public DefaultView getDefault(Caller caller, UUID loanId) {
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        DefaultRecord d = repo.findDefault(loanId).orElseThrow(() -> NotFound.of("default of loan " + loanId));
        return view(d, repo.allocations(loanId), repo.claims(loanId), repo.recoveries(loanId));
    }

    /** Interest of the lines due on or before {@code on}, less what was paid of it (layer claims use it too). */
    static BigDecimal interestDueAndUnpaid(Loans loans, UUID loanId, LocalDate on) {
        List<ScheduleLine> lines = loans.scheduleLines(loanId);
        Map<Integer, LinePayment> paid = new HashMap<>();
        for (LinePayment p : loans.linePayments(loanId)) {
            paid.put(p.seq(), p);
        }
        BigDecimal due = BigDecimal.ZERO.setScale(2);
        for (ScheduleLine line : lines) {
            if (!line.dueOn().isAfter(on)) {
                LinePayment p = paid.get(line.seq());
                BigDecimal unpaid = line.interest().subtract(p == null ? BigDecimal.ZERO : p.interestPaid());
                if (unpaid.signum() > 0) {
                    due = due.add(unpaid);
                }
            }
        }
        return due;
    }

    private static Map<String, BigDecimal> allocationMap(List<Allocation> allocations) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        allocations.forEach(a -> out.put(Parties.key(a.party()), a.amount()));
        return out;
    }

    private static DefaultView view(DefaultRecord d, List<Allocation> allocations, List<Claim> claims,
                                    List<Recovery> recoveries) {
        List<RecoveryView> rv = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO.setScale(2);
        for (Recovery r : recoveries) {
            running = running.add(r.netAmount());
            rv.add(RecoveryView.of(r, running, Recoveries.realisedLgd(d.exposureAtDefault(), running)));
        }
        return new DefaultView(d.loanId(), d.defaultedOn(), d.note(), d.ruleScheme(), d.outstandingPrincipal(),
                d.interestDue(), d.exposureAtDefault(), d.loss(), allocationMap(allocations),
                allocations.stream().map(a -> new AllocationView(a.party(), a.share(), a.amount(), a.capped()))
                        .toList(),
                claims.stream().map(ClaimView::of).toList(), d.netRecovered(), d.realisedLgd(), rv);
    }
}
