package com.ipledge.service.losssharing;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.evaluation.EvaluationService;
import com.ipledge.service.loan.Classification;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.LoanStatus;
import com.ipledge.service.loan.Loans;
import com.ipledge.service.losssharing.RiskLayerRepository.Enrolled;
import com.ipledge.service.losssharing.RiskLayerRepository.Layer;
import com.ipledge.service.losssharing.RiskLayerRepository.LayerClaim;
import com.ipledge.service.losssharing.RiskLayerRepository.LayeredScheme;
import com.ipledge.service.losssharing.RiskLayerRepository.Standing;
import com.ipledge.service.losssharing.RiskLayerRequests.Enrolment;
import com.ipledge.service.losssharing.RiskLayerViews.LayerClaimView;
import com.ipledge.service.losssharing.RiskLayerViews.LayerRecoveryView;
import com.ipledge.service.losssharing.RiskLayerViews.LoanLayersView;
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
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A loan's place in a layered scheme.
 *
 * <p><b>Enrolment</b> freezes the IP share of the loan's collateral at approval (the decision's collateral value
 * against the non-IP collateral the bank declares) and adds the principal to every pool's leverage commitment; a
 * pool with a multiple refuses (409 {@code pool-leverage-exceeded}) a loan that would take its commitment past
 * multiple x balance. Only a performing loan is enrolled. Claims on the cover are {@link LayerClaimFilings filed},
 * {@link LayerClaimDecisions decided} and {@link LayerRecoveries clawed back}.
 */
@Singleton
public class LayerEnrolments {
    private static final EnumSet<LoanStatus> LIVE = EnumSet.of(LoanStatus.DISBURSED, LoanStatus.REPAYING);

    private final RiskLayerRepository repo;
    private final Loans loans;
    private final EvaluationService decisions;
    private final AuditLog audit;
    private final Clock clock;

    public LayerEnrolments(RiskLayerRepository repo, Loans loans, EvaluationService decisions, AuditLog audit,
                           Clock clock) {
        this.repo = repo;
        this.loans = loans;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

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

    /** The loan's cover with its claims and recoveries, as every step of the workflow answers it. */
    LoanLayersView view(Loan loan, Enrolled e) {
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

    /** Who did it, as the audit log and the claim rows name people: ROLE:principal. */
    static String actor(Caller caller) {
        return caller.role() + ":" + caller.principalId();
    }
}
