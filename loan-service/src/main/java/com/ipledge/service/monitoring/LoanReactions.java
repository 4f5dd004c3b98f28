package com.ipledge.service.monitoring;

import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.rules.Alert;
import com.ipledge.rules.CreditPolicy;
import com.ipledge.rules.InvalidInputException;
import com.ipledge.rules.LegalStatusEvent;
import com.ipledge.rules.MonitoringEventType;
import com.ipledge.rules.MonitoringInput;
import com.ipledge.rules.MonitoringReaction;
import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.borrower.BorrowerService;
import com.ipledge.service.evaluation.EvaluationService;
import com.ipledge.service.evaluation.StoredDecision;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.Loans;
import com.ipledge.service.policy.PolicyParameterStore;
import com.ipledge.service.security.Caller;
import com.ipledge.service.valuation.CollateralValuations;
import com.ipledge.service.valuation.StoredValuation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one live loan reacts to what happened to its collateral: revalue every pledged asset (a lapsed, invalidated
 * or expired right counts 0), recompute the LTV, ask the rule base ({@link CreditPolicy#react}) and keep each alert
 * it raises. An alert about an asset's event is kept once per (loan, rule, asset, event type, day), however many
 * sources report the event; an alert about the whole loan (value drop, LTV breach) is not raised again while one
 * of the same rule is still unresolved.
 */
@Singleton
public class LoanReactions {
    private static final Logger LOG = LoggerFactory.getLogger(LoanReactions.class);

    /** An event on one of the loan's assets (the asset as it stands after the event). */
    record AssetEvent(IpAsset asset, MonitoringEventType type, LocalDate occurredOn) {
    }

    /** The loan's collateral position now. */
    record Position(BigDecimal approvedLtv, BigDecimal valueAtApproval, BigDecimal currentValue, BigDecimal ltv) {
    }

    /** What the reaction kept. */
    record Reaction(UUID loanId, Position position, MonitoringReaction reaction, List<LoanAlert> raised) {
    }

    private final Loans loans;
    private final ApplicationService applications;
    private final IpAssetService assets;
    private final BorrowerService borrowers;
    private final EvaluationService decisions;
    private final CollateralValuations valuations;
    private final CreditPolicy policy;
    private final PolicyParameterStore parameters;
    private final MonitoringRepository repository;

    private final DomainEvents domainEvents;

    public LoanReactions(Loans loans, ApplicationService applications, IpAssetService assets,
                         BorrowerService borrowers, EvaluationService decisions,
                         CollateralValuations valuations, CreditPolicy policy, PolicyParameterStore parameters,
                         MonitoringRepository repository, DomainEvents domainEvents) {
        this.domainEvents = domainEvents;
        this.loans = loans;
        this.applications = applications;
        this.assets = assets;
        this.borrowers = borrowers;
        this.decisions = decisions;
        this.valuations = valuations;
        this.policy = policy;
        this.parameters = parameters;
        this.repository = repository;
    }

    /**
     * Reacts to {@code events} (empty: a pure revaluation) on loan {@code loanId} and keeps the alerts. The loan row
     * is locked until commit, so two reports about one loan are judged one after the other. Empty when the loan is
     * no longer live or its decision gives no basis (no LTV or collateral value at approval).
     *
     * @param actor   whom a desk valuation made on the way is audited to
     * @param eventId the stored event the alerts are linked to (null for a job)
     */
    @Transactional
    public Optional<Reaction> react(Caller actor, UUID loanId, List<AssetEvent> events, UUID eventId,
                                    LocalDate today, OffsetDateTime now) {
        Loan loan = loans.lock(loanId, Optional.empty()).orElseThrow();
        if (!MonitoringRepository.LIVE.contains(loan.status().name())) {
            return Optional.empty();
        }
        Optional<Position> at = atApproval(loan);
        if (at.isEmpty()) {
            LOG.warn("loan {}: its decision names no LTV or collateral value; monitoring cannot judge it", loanId);
            return Optional.empty();
        }
        Borrower borrower = borrowers.find(loan.borrowerId(), Optional.empty()).orElseThrow();
        // one version for the revaluation and the rules alike
        PolicyParameters params = parameters.current();
        Map<UUID, IpAsset> changed = new HashMap<>();
        events.forEach(e -> changed.put(e.asset().id(), e.asset()));
        BigDecimal current = BigDecimal.ZERO.setScale(2);
        for (UUID assetId : applications.find(loan.applicationId(), Optional.empty()).orElseThrow()
                .collateralAssetIds()) {
            IpAsset asset = changed.containsKey(assetId) ? changed.get(assetId)
                    : assets.find(assetId, Optional.empty()).orElseThrow();
            Optional<StoredValuation> v = valuations.currentOrDesk(actor, asset, borrower, today, params);
            if (v.isPresent()) {
                current = current.add(v.get().collateralValue());
            }
        }
        current = current.setScale(2, RoundingMode.HALF_UP);
        BigDecimal outstanding = loan.outstandingPrincipal();
        BigDecimal ltv = current.signum() == 0 ? null : outstanding.divide(current, 6, RoundingMode.HALF_UP);
        Position position = new Position(at.get().approvedLtv(), at.get().valueAtApproval(), current, ltv);

        Map<String, AssetEvent> byNumber = new HashMap<>();
        List<LegalStatusEvent> facts = new ArrayList<>();
        for (AssetEvent e : events) {
            byNumber.put(e.asset().number(), e);
            facts.add(new LegalStatusEvent(e.asset().number(),
                    com.ipledge.rules.IpType.valueOf(e.asset().type().name()), e.type(), e.occurredOn()));
        }
        MonitoringReaction reaction;
        try {
            reaction = policy.react(new MonitoringInput(loanId.toString(), outstanding, position.approvedLtv(),
                    position.valueAtApproval(), current, facts, params));
        } catch (InvalidInputException e) {
            LOG.warn("loan {}: the rule base rejects its monitoring input: {}", loanId, e.getMessage());
            return Optional.empty();
        }
        List<LoanAlert> raised = new ArrayList<>();
        OffsetDateTime createdAt = now.truncatedTo(ChronoUnit.MICROS);
        for (Alert a : reaction.alerts()) {
            AssetEvent about = a.assetId() == null ? null : byNumber.get(a.assetId());
            String dedupKey = null;
            if (about != null) {
                dedupKey = "EVENT:" + about.asset().id() + ":" + about.type() + ":" + about.occurredOn();
            } else if (repository.hasUnresolved(loanId, a.ruleId())) {
                continue;
            }
            LoanAlert alert = new LoanAlert(UUID.randomUUID(), loan.bankId(), loanId,
                    about == null ? null : about.asset().id(), about == null ? null : eventId, a.ruleId(),
                    a.severity(), a.action(), a.messageZh(), a.messageEn(), AlertStatus.OPEN, ltv, current,
                    reaction.ruleBaseVersion(), reaction.parametersVersion(), createdAt, null, null, null, null,
                    null, null);
            if (repository.insertAlert(alert, dedupKey)) {
                raised.add(alert);
                domainEvents.publish(EventType.ALERT_RAISED, alert.bankId(), loanId,
                        DomainEvent.data("alertId", alert.id(), "loanId", alert.loanId(), "assetId", alert.assetId(), "ruleId", alert.ruleId(),
                        "severity", alert.severity(), "action", alert.action(), "messageEn", alert.messageEn(),
                        "ltv", alert.ltv()));
            }
        }
        return Optional.of(new Reaction(loanId, position, reaction, raised));
    }

    /** The approved LTV and the bundle's collateral value at approval, from the decision the loan was made on. */
    private Optional<Position> atApproval(Loan loan) {
        Optional<StoredDecision> decision = decisions.find(loan.decisionId());
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal ltv = decision.get().ltv();
        BigDecimal value = decision.get().totalCollateralValue();
        if (ltv == null || value == null || value.signum() <= 0 || ltv.signum() < 0) {
            return Optional.empty();
        }
        return Optional.of(new Position(ltv, value.setScale(2, RoundingMode.HALF_UP), null, null));
    }
}
