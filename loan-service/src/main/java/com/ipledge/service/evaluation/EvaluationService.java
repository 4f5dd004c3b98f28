package com.ipledge.service.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.risk.loss.LgdInput;
import com.ipledge.risk.loss.LgdModel;
import com.ipledge.risk.loss.LgdResult;
import com.ipledge.risk.loss.ValueQuantile;
import com.ipledge.risk.pd.BorrowerFeatures;
import com.ipledge.risk.pd.PdModel;
import com.ipledge.risk.pd.PdScore;
import com.ipledge.rules.CollateralItem;
import com.ipledge.rules.CreditPolicy;
import com.ipledge.rules.Decision;
import com.ipledge.rules.DecisionInput;
import com.ipledge.rules.RiskScore;
import com.ipledge.rules.params.LgdAssumptions;
import com.ipledge.rules.ValuationAssumptions;
import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.rules.sme.SizeClass;
import com.ipledge.service.application.ApplicationService;
import com.ipledge.service.application.ApplicationStatus;
import com.ipledge.service.application.LoanApplication;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.borrower.BorrowerService;
import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.ipasset.LegalStatus;
import com.ipledge.service.ipasset.LegalTerm;
import com.ipledge.service.ipasset.MemberCapacity;
import com.ipledge.service.ipasset.MemberCapacityService;
import com.ipledge.service.ipasset.Ownership;
import com.ipledge.service.ipasset.OwnershipService;
import com.ipledge.service.metrics.ServiceMetrics;
import com.ipledge.service.policy.PolicyParameterStore;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.Transitions;
import com.ipledge.service.quota.QuotaPlan;
import com.ipledge.service.quota.QuotaService;
import com.ipledge.service.security.Caller;
import com.ipledge.service.valuation.CollateralValuations;
import com.ipledge.service.valuation.StoredValuation;
import com.ipledge.valuation.EngineInfo;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evaluates an application: values each pledged asset that lacks a current valuation, scores the borrower (PD,
 * LGD, EL), reads the bank's quota headroom, and runs the rule base. The decision is stored with every version and
 * seed; evaluating again with unchanged inputs answers the stored decision byte for byte.
 */
@Singleton
public class EvaluationService {
    /** The rule ids of valuation-plausibility.drl. */
    static final String PLAUSIBILITY_RULES = "VAL-PLAUSIBILITY-";

    private final ApplicationService applications;
    private final BorrowerService borrowers;
    private final IpAssetService assets;
    private final DecisionRepository decisions;
    private final CollateralValuations valuations;
    private final QuotaService quotas;
    private final PolicyParameterStore parameters;
    private final CreditPolicy policy;
    private final PdModel pdModel;
    private final AuditLog audit;
    private final ServiceMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;

    private final DomainEvents events;
    private final OwnershipService ownership;
    private final MemberCapacityService memberCapacities;

    public EvaluationService(ApplicationService applications, BorrowerService borrowers,
                             IpAssetService assets, DecisionRepository decisions,
                             CollateralValuations valuations, QuotaService quotas, PolicyParameterStore parameters,
                             CreditPolicy policy, PdModel pdModel, AuditLog audit, ServiceMetrics metrics,
                             ObjectMapper json, Clock clock, DomainEvents events, OwnershipService ownership,
                             MemberCapacityService memberCapacities) {
        this.events = events;
        this.memberCapacities = memberCapacities;
        this.ownership = ownership;
        this.metrics = metrics;
        this.applications = applications;
        this.borrowers = borrowers;
        this.assets = assets;
        this.decisions = decisions;
        this.valuations = valuations;
        this.quotas = quotas;
        this.parameters = parameters;
        this.policy = policy;
        this.pdModel = pdModel;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The stored answer: the JSON body of the decision, as first given. */
    @Transactional
    public String evaluate(Caller caller, java.util.UUID applicationId) {
        LoanApplication application = applications.lock(applicationId, caller.bankScope())
                .orElseThrow(() -> NotFound.of("application " + applicationId));
        // a SUBMITTED application has never been decided: every evaluation that stores a decision moves it on in
        // the same transaction, and nothing moves an application back to SUBMITTED
        Optional<StoredDecision> latest = application.status() == ApplicationStatus.SUBMITTED ? Optional.empty()
                : decisions.latest(applicationId);
        if (!ApplicationStatus.EVALUABLE.contains(application.status())) {
            // decided or ended: evaluating again answers what was decided
            return latest.map(StoredDecision::body).orElseThrow(() -> Transitions.notAllowed("application",
                    application.status(), "evaluate", ApplicationStatus.EVALUABLE));
        }
        LocalDate today = LocalDate.now(clock);
        // read once: every number below comes from this version, and the decision names it
        PolicyParameters params = parameters.current();
        Borrower borrower = borrowers.find(application.borrowerId(), Optional.empty()).orElseThrow();
        List<IpAsset> pledged = new ArrayList<>();
        for (java.util.UUID id : application.collateralAssetIds()) {
            pledged.add(assets.find(id, Optional.empty()).orElseThrow());
        }
        List<CollateralItem> items = new ArrayList<>();
        List<EvaluationView.CollateralValuation> valued = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        List<ValuationAssumptions> assumed = new ArrayList<>();
        for (IpAsset asset : pledged) {
            Optional<StoredValuation> v = valuations.currentOrDesk(caller, asset, borrower, today, params);
            v.ifPresent(s -> seeds.add(s.seed()));
            // only a GI can carry a member capacity: other rights cost no extra read
            Optional<MemberCapacity> capacity = asset.type() == com.ipledge.service.ipasset.IpType.GEOGRAPHICAL_INDICATION
                    ? Optional.of(memberCapacities.of(asset)) : Optional.empty();
            items.add(collateralItem(asset, ownership.of(asset.id()), borrower, v, capacity, today));
            valued.add(new EvaluationView.CollateralValuation(asset.id(), v.map(StoredValuation::id).orElse(null),
                    v.map(StoredValuation::collateralValue).orElse(null),
                    v.map(StoredValuation::reconciledValue).orElse(null),
                    v.map(StoredValuation::valueScoreTotal).orElse(null), v.map(StoredValuation::desk).orElse(false),
                    v.map(s -> s.source().name()).orElse(null),
                    v.map(StoredValuation::basis).orElse("no valuation: the right is lapsed, invalid, expired or out "
                            + "of term, so it is no collateral"),
                    v.map(StoredValuation::appraisalReportId).orElse(null),
                    v.map(StoredValuation::assumptions).orElse(null), v.map(StoredValuation::deskValue).orElse(null)));
            v.ifPresent(s -> assumed.add(assumptions(asset, borrower, s)));
        }
        BigDecimal totalCollateral = sum(valued, EvaluationView.CollateralValuation::collateralValue);
        BigDecimal totalReconciled = sum(valued, EvaluationView.CollateralValuation::reconciledValue);
        PdScore score = pdModel.score(features(application, borrower, valued, totalCollateral, today));
        BigDecimal ead = application.requestedAmount();
        LgdAssumptions recovery = params.lgdOrDefaults();
        LgdResult lgd = LgdModel.lgd(new LgdInput(ead, List.of(new ValueQuantile(0.10, totalCollateral),
                new ValueQuantile(0.50, totalReconciled.max(totalCollateral))), recovery.haircut().doubleValue(),
                recovery.monthsToSell().doubleValue(), recovery.discountRate().doubleValue(),
                recovery.recoveryCost().doubleValue()));
        BigDecimal expectedLoss = LgdModel.expectedLoss(score.pd(), lgd.lgd(), ead);
        BigDecimal available = quotaHeadroom(application, borrower, pledged, today);
        DecisionInput input = new DecisionInput(
                new com.ipledge.rules.LoanApplication(application.id().toString(), application.requestedAmount(),
                        application.termMonths(), application.purpose(), application.insurance()),
                borrowerFact(application, borrower, today), items,
                new RiskScore(decimal(score.pd()), score.riskGrade().name(), expectedLoss), available, params,
                assumed);
        EvaluationView.BorrowerFacts facts = new EvaluationView.BorrowerFacts(borrower.id(), borrower.version(),
                borrower.asOf(), borrower.employees(), borrower.operatingRevenue(), borrower.totalAssets(),
                borrower.sizeClass().name(), borrower.industryCode(), borrower.foundedOn());
        // the facts' version is part of the inputs: a borrower changed since the last decision is decided afresh
        // the parameters by their version, which is immutable: writing all seventeen policies cost more than the rest
        DecisionInput hashed = new DecisionInput(input.application(), input.borrower(), input.collateral(),
                input.risk(), input.availableQuota(), null, input.valuations());
        String inputHash = sha256(write(hashed) + "|" + params.version() + "|" + score.modelVersion() + "|" + valued
                + "|" + write(facts));
        if (latest.isPresent() && latest.get().inputHash().equals(inputHash)) {
            return latest.get().body();
        }
        Decision decision = policy.decide(input);
        OffsetDateTime now = OffsetDateTime.now(clock);
        java.util.UUID decisionId = java.util.UUID.randomUUID();
        EvaluationView view = new EvaluationView(decisionId, applicationId, decision.outcome().name(),
                decision.approvedLimit(), decision.ltv(),
                decision.limitBinding() == null ? null : decision.limitBinding().name(),
                decision.totalCollateralValue(), decimal(score.pd()), decimal(lgd.lgd()), expectedLoss,
                score.riskGrade().name(), decision.interestRate(), decision.riskShare(), decision.conditions(),
                decision.reasons(), decision.firedRuleIds(), decision.collateralLimits(), valued,
                score.reasonCodes().stream().map(r -> new EvaluationView.ReasonCode(r.feature(), r.contribution()))
                        .toList(), available,
                new EvaluationView.Versions(decision.ruleBaseVersion(), decision.parametersVersion(),
                        score.modelVersion(), EngineInfo.VERSION, seeds), now, facts);
        String body = write(view);
        StoredDecision stored = typed(view, body, inputHash, caller.principalId());
        decisions.insert(stored);
        ApplicationStatus status = switch (decision.outcome()) {
            case APPROVE -> ApplicationStatus.EVALUATED;
            case REFER -> ApplicationStatus.REFERRED;
            case DECLINE -> ApplicationStatus.DECLINED;
        };
        applications.recordDecision(applicationId, status, decisionId, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decisionId", decisionId);
        payload.put("outcome", view.decision());
        payload.put("approvedLimit", view.approvedLimit());
        payload.put("firedRules", view.firedRules());
        payload.put("versions", view.versions());
        audit.append(caller, "application.evaluated", "application", applicationId, application.bankId(), payload);
        events.publish(EventType.APPLICATION_EVALUATED, application.bankId(), applicationId,
                DomainEvent.data("applicationId", applicationId,
                "decisionId", decisionId, "decision", view.decision(), "approvedLimit", view.approvedLimit(),
                "riskGrade", view.riskGrade()));
        if (status == ApplicationStatus.DECLINED) {
            events.publish(EventType.APPLICATION_DECLINED, application.bankId(), applicationId,
                    DomainEvent.data("applicationId", applicationId,
                    "decisionId", decisionId, "declinedBy", "RULES"));
        }
        metrics.decision(view.decision());
        return body;
    }

    /** The figures of the answer as the other features read them (the body stays the replay copy). */
    private static StoredDecision typed(EvaluationView view, String body, String inputHash, UUID evaluatedBy) {
        List<StoredDecision.CollateralLine> lines = view.collateral().stream()
                .map(c -> new StoredDecision.CollateralLine(c.assetId(), c.valuationId(), c.collateralValue(),
                        c.reconciledValue(), c.valueScore(), c.valuationSource()))
                .toList();
        EvaluationView.Versions v = view.versions();
        return new StoredDecision(view.decisionId(), view.applicationId(), view.decision(), view.approvedLimit(),
                view.interestRate(), view.ltv(), view.limitBinding(), view.totalCollateralValue(), view.pd(),
                view.lgd(), view.expectedLoss(), view.riskGrade(), view.riskShare(), lines,
                new StoredDecision.Versions(v.rules(), Integer.parseInt(v.parameters()), v.model(), v.valuation()),
                body, inputHash, evaluatedBy, view.evaluatedAt());
    }

    private BigDecimal quotaHeadroom(LoanApplication application, Borrower borrower, List<IpAsset> pledged,
                                     LocalDate today) {
        return quotas.planFor(application.bankId(), today.getYear(), borrower.ecoIndustry(), pledged.get(0).type())
                .map(QuotaPlan::available).orElse(BigDecimal.ZERO.setScale(2));
    }

    /**
     * Co-ownership and consents are the asset's recorded facts; a GI is pledged by its association. With a member
     * capacity on file, the association's recorded resolution (its {@code document}) is its written consent, its
     * member list (none: anyone) says who may borrow, and the mark's pledge to this bank for earlier members' loans
     * does not make it "already pledged" for the next member.
     */
    private static CollateralItem collateralItem(IpAsset asset, Ownership owners, Borrower borrower,
                                                 Optional<StoredValuation> v, Optional<MemberCapacity> capacity,
                                                 LocalDate today) {
        boolean gi = asset.type() == com.ipledge.service.ipasset.IpType.GEOGRAPHICAL_INDICATION;
        String pledgor = gi ? asset.ownerCreditCode() : borrower.creditCode();
        boolean thirdParty = gi && !asset.ownerCreditCode().equals(borrower.creditCode());
        Optional<MemberCapacity> set = capacity.filter(MemberCapacity::isSet);
        boolean member = thirdParty && set.map(c -> c.admits(borrower.creditCode())).orElse(true);
        boolean consent = thirdParty && set.map(c -> c.document() != null).orElse(false);
        LegalStatus status = set.isPresent() && asset.legalStatus() == LegalStatus.PLEDGED
                && set.get().pledgeRegistered() ? LegalStatus.VALID : asset.legalStatus();
        return new CollateralItem(asset.id().toString(), com.ipledge.rules.IpType.valueOf(asset.type().name()),
                ruleStatus(status), asset.ownerCreditCode(),
                LegalTerm.remainingYears(asset.expiresOn(), today), asset.legalStatus() != LegalStatus.FEE_OVERDUE,
                owners.coOwned(), owners.consentedBesides(pledgor), member, consent,
                true, v.map(StoredValuation::collateralValue).orElse(null),
                v.map(StoredValuation::reconciledValue).orElse(null),
                v.map(StoredValuation::valueScoreTotal).orElse(null),
                set.map(MemberCapacity::capacity).orElse(null), set.map(MemberCapacity::used).orElse(null));
    }

    /** What the plausibility rules check of one asset's valuation, beside the borrower's revenue. */
    private static ValuationAssumptions assumptions(IpAsset asset, Borrower borrower, StoredValuation v) {
        StoredValuation.Assumptions a = v.assumptions();
        return new ValuationAssumptions(asset.id().toString(), v.source().name(), a == null ? null : a.baseRevenue(),
                borrower.operatingRevenue(), a == null ? null : a.royaltyRate(),
                a == null ? null : a.economicLifeYears(), a == null ? null : a.remainingLegalLifeYears(),
                v.reconciledValue(), v.deskValue());
    }

    static com.ipledge.rules.LegalStatus ruleStatus(LegalStatus s) {
        return com.ipledge.rules.LegalStatus.valueOf(s.name());
    }

    private static com.ipledge.rules.Borrower borrowerFact(LoanApplication application, Borrower b, LocalDate today) {
        var history = application.creditHistory();
        return new com.ipledge.rules.Borrower(b.creditCode(), SizeClass.valueOf(b.sizeClass().name()),
                Period.between(b.foundedOn(), today).getYears(), b.industryCode(),
                b.ecoIndustry(),
                Boolean.TRUE.equals(history.currentlyOverdue()), history.yearsSinceLastDefault(),
                Boolean.TRUE.equals(history.onDishonestyList()));
    }

    private static BorrowerFeatures features(LoanApplication application, Borrower b,
                                             List<EvaluationView.CollateralValuation> valued,
                                             BigDecimal totalCollateral, LocalDate today) {
        double ageYears = Period.between(b.foundedOn(), today).toTotalMonths() / 12.0;
        double score = valued.stream().filter(v -> v.valueScore() != null)
                .mapToDouble(v -> v.valueScore().doubleValue()).average().orElse(Double.NaN);
        var history = application.creditHistory();
        double coverage = totalCollateral.doubleValue() / application.requestedAmount().doubleValue();
        // the filing carries no balance sheet ratios yet: the model imputes them (see risk-models README)
        return new BorrowerFeatures(null, null, null, null, ageYears, b.operatingRevenue().doubleValue(),
                b.industryCode().substring(0, 1),
                Boolean.TRUE.equals(history.currentlyOverdue()) || history.yearsSinceLastDefault() != null,
                Boolean.TRUE.equals(history.onDishonestyList()), Double.isNaN(score) ? null : score, coverage);
    }

    private static BigDecimal sum(List<EvaluationView.CollateralValuation> valued,
                                  java.util.function.Function<EvaluationView.CollateralValuation, BigDecimal> f) {
        return valued.stream().map(f).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal decimal(double d) {
        return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_EVEN);
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The application's decision as its evaluation answered it (the stored JSON, byte for byte); 404 before an
     * evaluation.
     */
    public String stored(Caller caller, UUID applicationId) {
        LoanApplication application = applications.find(applicationId, caller.bankScope())
                .orElseThrow(() -> NotFound.of("application " + applicationId));
        Optional<StoredDecision> decision = application.decisionId() != null
                ? decisions.find(application.decisionId()) : decisions.latest(applicationId);
        return decision.map(StoredDecision::body).orElseThrow(() -> NotFound.of("evaluation of application "
                + applicationId + " (not evaluated yet)"));
    }

    // ------------------------------------------------------------ stored decisions as other features read them

    public Optional<StoredDecision> find(UUID decisionId) {
        return decisions.find(decisionId);
    }

    public Optional<StoredDecision> latest(UUID applicationId) {
        return decisions.latest(applicationId);
    }

    /** The decisions with these ids (unknown ones left out), for views of many loans at once. */
    public Map<UUID, StoredDecision> findAll(java.util.Collection<UUID> decisionIds) {
        return decisions.findAll(decisionIds);
    }

    /** The plausibility rules (VAL-PLAUSIBILITY-*) that fired in {@code decision}, read from its stored answer. */
    public List<String> plausibilityRules(StoredDecision decision) {
        try {
            List<String> out = new ArrayList<>();
            json.readTree(decision.body()).path("firedRules").forEach(n -> {
                if (n.asText().startsWith(PLAUSIBILITY_RULES)) {
                    out.add(n.asText());
                }
            });
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored decision unreadable", e);
        }
    }
}
