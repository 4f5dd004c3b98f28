package com.ipledge.service.losssharing;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.LoanStatus;
import com.ipledge.service.loan.Loans;
import com.ipledge.service.losssharing.LossSharingRepository.Allocation;
import com.ipledge.service.losssharing.LossSharingRepository.DefaultRecord;
import com.ipledge.service.losssharing.LossSharingRepository.Recovery;
import com.ipledge.service.losssharing.LossSharingViews.RecoveryView;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.problem.Transitions;
import com.ipledge.service.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A recovery's net amount (amount - costs) is split in proportion to each party's loss part, never giving a party
 * more than it lost; realised LGD = (EAD - net recoveries) / EAD.
 */
@Singleton
public class Recoveries {
    private final LossSharingRepository repo;
    private final Loans loans;
    private final AuditLog audit;
    private final Clock clock;

    public Recoveries(LossSharingRepository repo, Loans loans, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.loans = loans;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RecoveryView recover(Caller caller, UUID loanId, LossSharingRequests.RecoveryRequest body) {
        // another bank's loan is 404 before anything in the request is looked at
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        FieldErrors errors = new FieldErrors();
        Money.check(errors, "amount", body.amount(), true);
        BigDecimal costs = body.costs() == null ? BigDecimal.ZERO.setScale(2) : body.costs();
        Money.check(errors, "costs", costs, false);
        if (!errors.has("amount") && !errors.has("costs") && costs.compareTo(body.amount()) > 0) {
            errors.add("costs", "must not exceed amount");
        }
        if (body.method() == null) {
            errors.add("method", "is required (AUCTION, TRANSFER or LICENCE)");
        }
        if (body.recoveredOn() == null) {
            errors.add("recoveredOn", "is required");
        } else if (body.recoveredOn().isAfter(LocalDate.now(clock))) {
            errors.add("recoveredOn", "is in the future");
        }
        errors.throwIfAny();
        Loan loan = loans.lock(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        if (loan.status() != LoanStatus.DEFAULTED) {
            throw Transitions.notAllowed("loan", loan.status(), "record a recovery on",
                    EnumSet.of(LoanStatus.DEFAULTED));
        }
        DefaultRecord d = repo.findDefault(loanId).orElseThrow(() -> Conflict.of("no-default-record",
                "Loan " + loanId + " is DEFAULTED but has no default record; declare the default first."));
        if (body.recoveredOn().isBefore(d.defaultedOn())) {
            throw InvalidInput.of("recoveredOn", "is before the default (" + d.defaultedOn() + ")");
        }
        BigDecimal net = body.amount().subtract(costs).setScale(2);
        BigDecimal total = d.netRecovered().add(net);
        if (total.compareTo(d.loss()) > 0) {
            throw RuleViolation.of("recovery-exceeds-loss", "Net recoveries would reach "
                    + total.toPlainString() + " yuan, beyond the loss of " + d.loss().toPlainString() + " ("
                    + d.netRecovered().toPlainString() + " recovered so far; at most "
                    + d.loss().subtract(d.netRecovered()).toPlainString() + " more).");
        }
        Map<String, BigDecimal> parts = split(loanId, net);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Recovery recovery = new Recovery(UUID.randomUUID(), loanId, body.amount().setScale(2), costs.setScale(2), net,
                body.recoveredOn(), body.method().name(), now, parts);
        repo.insertRecovery(recovery);
        BigDecimal lgd = realisedLgd(d.exposureAtDefault(), total);
        repo.updateRecovered(loanId, total, lgd, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("recoveryId", recovery.id().toString());
        payload.put("amount", recovery.amount());
        payload.put("costs", recovery.costs());
        payload.put("net", net);
        payload.put("method", recovery.method());
        payload.put("recoveredOn", recovery.recoveredOn());
        payload.put("shares", Parties.keyed(parts));
        payload.put("realisedLgd", lgd);
        audit.append(caller, "loan.recovery", "loan", loanId, loan.bankId(), payload);
        return RecoveryView.of(recovery, total, lgd);
    }

    /** The net amount by party, weighted by each one's loss and within what it has not yet recovered. */
    private Map<String, BigDecimal> split(UUID loanId, BigDecimal net) {
        List<Allocation> allocations = repo.allocations(loanId);
        Map<String, BigDecimal> weights = new TreeMap<>();
        Map<String, BigDecimal> headroom = new TreeMap<>();
        for (Allocation a : allocations) {
            weights.put(a.party(), a.amount());
            headroom.put(a.party(), a.amount());
        }
        for (Recovery r : repo.recoveries(loanId)) {
            r.shares().forEach((party, amount) -> headroom.merge(party, amount.negate(), BigDecimal::add));
        }
        if (net.signum() == 0) {
            Map<String, BigDecimal> zeros = new TreeMap<>();
            weights.keySet().forEach(p -> zeros.put(p, BigDecimal.ZERO.setScale(2)));
            return zeros;
        }
        return Waterfall.splitWithin(net, weights, headroom);
    }

    /** (EAD - net recoveries) / EAD to 6 decimals, HALF_UP. */
    static BigDecimal realisedLgd(BigDecimal ead, BigDecimal netRecovered) {
        if (ead.signum() == 0) {
            return BigDecimal.ZERO.setScale(Ratios.SCALE);
        }
        return ead.subtract(netRecovered).divide(ead, Ratios.SCALE, RoundingMode.HALF_UP);
    }
}
