package com.ipledge.service.losssharing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.rules.params.RiskShareScheme;
import com.ipledge.service.admin.Bank;
import com.ipledge.service.admin.AdminService;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.evaluation.EvaluationService;
import com.ipledge.service.loan.DisbursementListener;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.Loans;
import com.ipledge.service.loan.LoanStatus;
import com.ipledge.service.loan.schedule.LinePayment;
import com.ipledge.service.loan.schedule.ScheduleLine;
import com.ipledge.service.losssharing.LossSharingRepository.Allocation;
import com.ipledge.service.losssharing.LossSharingRepository.Claim;
import com.ipledge.service.losssharing.LossSharingRepository.Cover;
import com.ipledge.service.losssharing.LossSharingRepository.DefaultRecord;
import com.ipledge.service.losssharing.LossSharingRepository.Recovery;
import com.ipledge.service.losssharing.LossSharingRepository.Scheme;
import com.ipledge.service.losssharing.LossSharingRequests.NewScheme;
import com.ipledge.service.losssharing.LossSharingViews.AllocationView;
import com.ipledge.service.losssharing.LossSharingViews.ClaimView;
import com.ipledge.service.losssharing.LossSharingViews.CoverView;
import com.ipledge.service.losssharing.LossSharingViews.DefaultView;
import com.ipledge.service.losssharing.LossSharingViews.NplReport;
import com.ipledge.service.losssharing.LossSharingViews.NplView;
import com.ipledge.service.losssharing.LossSharingViews.OverallNplView;
import com.ipledge.service.losssharing.LossSharingViews.RecoveryView;
import com.ipledge.service.losssharing.LossSharingViews.SchemeView;
import com.ipledge.service.money.Money;
import com.ipledge.service.policy.PolicyParameterStore;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.ApiProblem;
import com.ipledge.service.web.FieldErrors;
import com.ipledge.service.web.Transitions;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Insurance, loss sharing, defaults, claims, recoveries and the NPL view (issue 7).
 *
 * <ul>
 * <li>Schemes are data: one configured facility per (rule-base scheme, party) — guarantee insurance behind INSURER
 * (premium rate, coverage ratio, government premium subsidy ratio), a risk-compensation pool behind
 * RISK_COMPENSATION_POOL (share, capacity, per-loan cap), a guarantee fund behind GUARANTOR / GUARANTEE_FUND
 * (share, per-loan cap). Defaults are seeded from the rule base's schemes when none exist.</li>
 * <li>{@link #onDisbursed} freezes the loan's cover: the shares of its decision's risk share, the insurance premium
 * (principal x rate) and subsidy (premium x subsidy ratio), both to the fen HALF_UP, and the pool-covered exposure
 * (principal x pool share, HALF_UP, capped per loan) added to the pool's capacity used by one conditional UPDATE
 * (409 when the pool is full; the disbursement then rolls back).</li>
 * <li>A default: EAD = outstanding principal + interest due and unpaid on lines due up to the default date; loss =
 * EAD; the loss is split by {@link Waterfall} (largest remainder, caps, fall-back to the bank) and one claim is
 * filed per non-bank party with a positive part.</li>
 * <li>A recovery's net amount (amount - costs) is split in proportion to each party's loss part, never giving a
 * party more than it lost; realised LGD = (EAD - net recoveries) / EAD.</li>
 * </ul>
 */
@Singleton
public class LossSharing implements DisbursementListener {
    public static final String INSURANCE = "GUARANTEE_INSURANCE";
    public static final String POOL = "RISK_COMPENSATION_POOL";
    public static final String FUND = "GUARANTEE_FUND";
    static final Set<String> KINDS = Set.of(INSURANCE, POOL, FUND);
    static final String SYSTEM = "SYSTEM:loss-sharing";

    /** Seeded when no scheme exists: typical provincial terms (documented in the report). */
    static final BigDecimal SEED_PREMIUM_RATE = new BigDecimal("0.015000");
    static final BigDecimal SEED_PREMIUM_SUBSIDY = new BigDecimal("0.500000");
    static final BigDecimal SEED_POOL_CAPACITY = new BigDecimal("100000000.00");
    static final BigDecimal SEED_POOL_PER_LOAN_CAP = new BigDecimal("3000000.00");
    static final BigDecimal SEED_FUND_PER_LOAN_CAP = new BigDecimal("2000000.00");

    private static final int RATIO_SCALE = 6;

    /** The loan's risk share as its decision gave it. */
    record RiskShareTerms(String scheme, String coverage, Map<String, BigDecimal> shares) {
    }

    private final LossSharingRepository repo;
    private final Loans loans;
    private final EvaluationService decisions;
    private final PolicyParameterStore policy;
    private final AdminService banks;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final BigDecimal nplTolerance;
    private volatile boolean seeded;

    public LossSharing(LossSharingRepository repo, Loans loans, EvaluationService decisions,
                       PolicyParameterStore policy, AdminService banks, AuditLog audit, ObjectMapper json,
                       Clock clock, @Value("${ipledge.npl.tolerance:0.03}") BigDecimal nplTolerance) {
        this.repo = repo;
        this.loans = loans;
        this.decisions = decisions;
        this.policy = policy;
        this.banks = banks;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.nplTolerance = nplTolerance;
    }

    // ------------------------------------------------------------------------------------------------ schemes

    @Transactional
    public List<SchemeView> schemes() {
        ensureDefaults();
        return repo.schemes().stream().map(LossSharing::view).toList();
    }

    @Transactional
    public SchemeView createScheme(Caller caller, NewScheme body) {
        ensureDefaults();
        FieldErrors errors = new FieldErrors();
        String name = body.name() == null ? null : body.name().strip();
        if (name == null || name.isEmpty()) {
            errors.add("name", "is required");
        } else if (name.length() > 80) {
            errors.add("name", "must be at most 80 characters");
        }
        String kind = body.kind();
        if (kind == null) {
            errors.add("kind", "is required (one of " + String.join(", ", new java.util.TreeSet<>(KINDS)) + ")");
        } else if (!KINDS.contains(kind)) {
            errors.add("kind", "must be one of " + String.join(", ", new java.util.TreeSet<>(KINDS)));
        }
        if (body.ruleScheme() == null || body.ruleScheme().isBlank()) {
            errors.add("ruleScheme", "is required (the rule base's scheme name, e.g. POOL_60_40)");
        }
        String party = body.party() != null ? body.party().strip()
                : INSURANCE.equals(kind) ? Parties.INSURER : POOL.equals(kind) ? Parties.POOL
                : FUND.equals(kind) ? Parties.GUARANTEE_FUND : null;
        if (Parties.BANK.equals(party)) {
            errors.add("party", "must not be the bank: the bank bears what the configured parties do not");
        } else if (party != null && !party.matches("[A-Z][A-Z_]{0,39}")) {
            errors.add("party", "must be a rule-base party name in upper case (e.g. INSURER)");
        }
        fraction(errors, "share", body.share(), false);
        fraction(errors, "coverageRatio", body.coverageRatio(), false);
        fraction(errors, "premiumRate", body.premiumRate(), true);
        fraction(errors, "premiumSubsidyRatio", body.premiumSubsidyRatio(), true);
        if (body.capacity() != null) {
            Money.check(errors, "capacity", body.capacity(), true);
        }
        if (body.perLoanCap() != null) {
            Money.check(errors, "perLoanCap", body.perLoanCap(), true);
        }
        if (INSURANCE.equals(kind)) {
            if (body.premiumRate() == null) {
                errors.add("premiumRate", "is required for guarantee insurance");
            }
            if (body.share() != null && body.coverageRatio() != null
                    && body.share().compareTo(body.coverageRatio()) != 0) {
                errors.add("coverageRatio", "differs from share (give one of them)");
            }
            onlyFor(errors, "capacity", body.capacity(), "risk-compensation pools");
            onlyFor(errors, "perLoanCap", body.perLoanCap(), "pools and guarantee funds");
        } else if (kind != null) {
            onlyFor(errors, "premiumRate", body.premiumRate(), "guarantee insurance");
            onlyFor(errors, "premiumSubsidyRatio", body.premiumSubsidyRatio(), "guarantee insurance");
            onlyFor(errors, "coverageRatio", body.coverageRatio(), "guarantee insurance (use share)");
            if (POOL.equals(kind) && body.capacity() == null) {
                errors.add("capacity", "is required for a risk-compensation pool (yuan)");
            }
            if (FUND.equals(kind)) {
                onlyFor(errors, "capacity", body.capacity(), "risk-compensation pools");
            }
        }
        errors.throwIfAny();
        RiskShareScheme ruleScheme = policy.current().riskSharing().schemes().stream()
                .filter(s -> s.name().equals(body.ruleScheme().strip())).findFirst()
                .orElseThrow(() -> ApiProblem.unprocessable("unknown-rule-scheme", "The rule base has no scheme "
                        + body.ruleScheme().strip() + "; its schemes are " + policy.current().riskSharing()
                        .schemes().stream().map(RiskShareScheme::name).toList() + "."));
        BigDecimal ruleShare = ruleScheme.shares().get(party);
        if (ruleShare == null) {
            throw ApiProblem.unprocessable("party-not-in-scheme", "Scheme " + ruleScheme.name()
                    + " gives no share to " + party + "; its parties are "
                    + new TreeMap<>(ruleScheme.shares()).keySet() + ".");
        }
        BigDecimal given = body.share() != null ? body.share() : body.coverageRatio();
        if (given != null && given.compareTo(ruleShare) != 0) {
            throw ApiProblem.unprocessable("share-disagrees-with-rule-base", "The rule base gives " + party
                    + " a share of " + ruleShare.toPlainString() + " under " + ruleScheme.name() + ", not "
                    + given.toPlainString() + ": change the policy parameters first.");
        }
        Scheme scheme = new Scheme(UUID.randomUUID(), name, kind, ruleScheme.name(), party,
                ruleShare.setScale(RATIO_SCALE), ratio(body.premiumRate()),
                INSURANCE.equals(kind) ? ratio(orZero(body.premiumSubsidyRatio())) : null,
                yuan(body.capacity()), BigDecimal.ZERO.setScale(2), yuan(body.perLoanCap()),
                caller.role() + ":" + caller.principalId(), OffsetDateTime.now(clock));
        Scheme created = repo.insertScheme(scheme).orElseThrow(() -> ApiProblem.conflict("scheme-exists",
                "A scheme named " + name + ", or one for " + party + " under " + ruleScheme.name()
                        + ", is configured already."));
        audit.append(caller, "risk-sharing-scheme.created", "loss_sharing_scheme", created.id(), null,
                schemePayload(created));
        return view(created);
    }

    /** Seeds one facility per insurer, pool and guarantor share of the rule base's schemes when none exist. */
    @Transactional
    public void ensureDefaults() {
        if (seeded) {
            return;
        }
        if (repo.countSchemes() > 0) {
            seeded = true; // committed rows exist: no need to look again on this instance
            return;
        }
        {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<String> names = new ArrayList<>();
            for (RiskShareScheme s : policy.current().riskSharing().schemes()) {
                for (Map.Entry<String, BigDecimal> share : new TreeMap<>(s.shares()).entrySet()) {
                    String party = share.getKey();
                    String kind = switch (party) {
                        case Parties.INSURER -> INSURANCE;
                        case Parties.POOL -> POOL;
                        case Parties.GUARANTOR, Parties.GUARANTEE_FUND -> FUND;
                        default -> null;
                    };
                    if (kind == null || share.getValue().signum() <= 0) {
                        continue;
                    }
                    String name = s.name() + "/" + party;
                    repo.insertScheme(new Scheme(UUID.randomUUID(), name, kind, s.name(), party,
                            share.getValue().setScale(RATIO_SCALE),
                            INSURANCE.equals(kind) ? SEED_PREMIUM_RATE : null,
                            INSURANCE.equals(kind) ? SEED_PREMIUM_SUBSIDY : null,
                            POOL.equals(kind) ? SEED_POOL_CAPACITY : null, BigDecimal.ZERO.setScale(2),
                            POOL.equals(kind) ? SEED_POOL_PER_LOAN_CAP
                                    : FUND.equals(kind) ? SEED_FUND_PER_LOAN_CAP : null,
                            "SYSTEM:defaults", now)).ifPresent(x -> names.add(x.name()));
                }
            }
            if (!names.isEmpty()) {
                audit.append("SYSTEM:defaults", "risk-sharing-scheme.seeded", "loss_sharing_scheme", "defaults",
                        null, Map.of("schemes", names));
            }
        }
    }

    // ------------------------------------------------------------------------------------------- disbursement

    /**
     * Freezes the loan's cover at disbursement: premium and subsidy of its insurance, the pool-covered exposure
     * (taken from the pool's capacity; 409 {@code pool-capacity-exhausted} when it does not fit) and every party's
     * share and cap. Call it inside the disbursement's transaction with the disbursed loan. Calling it again for
     * the same loan does nothing.
     */
    @Override
    @Transactional
    public void onDisbursed(Loan loan) {
        if (!repo.covers(loan.id()).isEmpty()) {
            return;
        }
        ensureDefaults();
        List<Cover> covers = computeCovers(loan, true);
        repo.insertCovers(covers, OffsetDateTime.now(clock));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("scheme", covers.get(0).ruleScheme());
        for (Cover c : covers) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("share", c.share());
            putIfPresent(p, "premium", c.premium());
            putIfPresent(p, "premiumSubsidy", c.premiumSubsidy());
            putIfPresent(p, "poolExposure", c.poolExposure());
            putIfPresent(p, "lossCap", c.lossCap());
            payload.put(Parties.key(c.party()), p);
        }
        // its own entity type: the loan's history stays the lifecycle's own steps
        audit.append(SYSTEM, "loan.risk-covered", "loan_risk_cover", loan.id(), loan.bankId(), payload);
    }

    /** The loan's cover as frozen at disbursement (empty before). */
    public List<CoverView> cover(Caller caller, UUID loanId) {
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> ApiProblem.notFound("loan " + loanId));
        return repo.covers(loanId).stream().map(c -> new CoverView(c.party(), c.ruleScheme(), c.schemeId(),
                c.share(), c.lossCap(), c.premium(), c.premiumSubsidy(), c.poolExposure())).toList();
    }

    private List<Cover> computeCovers(Loan loan, boolean takePoolCapacity) {
        RiskShareTerms terms = riskShareOf(loan);
        Map<String, Scheme> configured = new HashMap<>();
        for (Scheme s : repo.schemesFor(terms.scheme())) {
            configured.put(s.party(), s);
        }
        List<Cover> covers = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : new TreeMap<>(terms.shares()).entrySet()) {
            String party = e.getKey();
            BigDecimal share = e.getValue();
            Scheme s = Parties.BANK.equals(party) ? null : configured.get(party);
            BigDecimal premium = null;
            BigDecimal subsidy = null;
            BigDecimal poolExposure = null;
            BigDecimal cap = null;
            if (s != null && INSURANCE.equals(s.kind())) {
                premium = loan.principal().multiply(s.premiumRate()).setScale(2, RoundingMode.HALF_UP);
                subsidy = premium.multiply(orZero(s.premiumSubsidyRatio())).setScale(2, RoundingMode.HALF_UP);
            } else if (s != null && POOL.equals(s.kind())) {
                poolExposure = loan.principal().multiply(share).setScale(2, RoundingMode.HALF_UP);
                if (s.perLoanCap() != null) {
                    poolExposure = poolExposure.min(s.perLoanCap());
                }
                cap = poolExposure;
                if (takePoolCapacity && poolExposure.signum() > 0 && !repo.usePoolCapacity(s.id(), poolExposure)) {
                    Scheme now = repo.scheme(s.id()).orElse(s);
                    BigDecimal available = now.capacity().subtract(now.capacityUsed());
                    throw ApiProblem.conflict("pool-capacity-exhausted", "The risk-compensation pool " + s.name()
                            + " has " + available.toPlainString() + " yuan of capacity left; this loan needs "
                            + poolExposure.toPlainString() + ". Refer the loan or ask the bureau to enlarge the pool.",
                            Map.of("schemeId", s.id().toString(), "capacity", now.capacity(),
                                    "capacityUsed", now.capacityUsed(), "required", poolExposure));
                }
            } else if (s != null && FUND.equals(s.kind())) {
                cap = s.perLoanCap();
            }
            covers.add(new Cover(loan.id(), party, terms.scheme(), s == null ? null : s.id(),
                    share.setScale(RATIO_SCALE), cap, premium, subsidy, poolExposure));
        }
        return covers;
    }

    RiskShareTerms riskShareOf(Loan loan) {
        String body = decisions.find(loan.decisionId()).orElseThrow(
                () -> new IllegalStateException("decision " + loan.decisionId() + " of loan " + loan.id())).body();
        try {
            JsonNode node = json.readTree(body).path("riskShare");
            Map<String, BigDecimal> shares = new TreeMap<>();
            node.path("shares").fields().forEachRemaining(f -> shares.put(f.getKey(), f.getValue().decimalValue()));
            if (node.isMissingNode() || node.isNull() || shares.isEmpty()) {
                return new RiskShareTerms("NONE", "NONE", Map.of(Parties.BANK, BigDecimal.ONE));
            }
            return new RiskShareTerms(node.path("scheme").asText("NONE"), node.path("coverage").asText("NONE"),
                    shares);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision " + loan.decisionId() + " has an unreadable body", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ default

    @Transactional
    public DefaultView declareDefault(Caller caller, UUID loanId, LossSharingRequests.DefaultRequest body) {
        // another bank's loan is 404 before anything in the request is looked at
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> ApiProblem.notFound("loan " + loanId));
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
        Loan loan = loans.lock(loanId, caller.bankScope()).orElseThrow(() -> ApiProblem.notFound("loan " + loanId));
        if (!loan.status().isLive()) {
            throw Transitions.notAllowed("loan", loan.status(), "declare a default on",
                    EnumSet.of(LoanStatus.DISBURSED, LoanStatus.REPAYING));
        }
        LocalDate on = body.defaultedOn();
        if (on.isBefore(loan.disbursedOn())) {
            throw ApiProblem.invalid("defaultedOn", "is before the loan was disbursed (" + loan.disbursedOn() + ")");
        }
        BigDecimal interestDue = interestDueAndUnpaid(loan.id(), on);
        BigDecimal ead = loan.outstandingPrincipal().add(interestDue).setScale(2);
        BigDecimal loss = ead;
        List<Cover> covers = repo.covers(loan.id());
        if (covers.isEmpty()) {
            ensureDefaults();
            covers = computeCovers(loan, false); // disbursed before the cover was recorded: today's terms
        }
        Map<String, BigDecimal> shares = new TreeMap<>();
        Map<String, BigDecimal> caps = new HashMap<>();
        for (Cover c : covers) {
            shares.put(c.party(), c.share());
            if (c.lossCap() != null) {
                caps.put(c.party(), c.lossCap());
            }
        }
        List<Allocation> allocations = Waterfall.allocate(loss, shares, caps).stream()
                .map(p -> new Allocation(p.party(), p.share().setScale(RATIO_SCALE), p.amount(), p.capped()))
                .toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        DefaultRecord record = new DefaultRecord(loan.id(), loan.bankId(), on, note, covers.get(0).ruleScheme(),
                loan.outstandingPrincipal(), interestDue, ead, loss, BigDecimal.ZERO.setScale(2),
                BigDecimal.ONE.setScale(RATIO_SCALE), now);
        repo.insertDefault(record, allocations);
        for (Allocation a : allocations) {
            if (!Parties.BANK.equals(a.party()) && a.amount().signum() > 0) {
                repo.insertClaim(new Claim(UUID.randomUUID(), loan.id(), a.party(), a.amount(), "FILED", on, null),
                        now);
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
        return defaultView(record, allocations, repo.claims(loan.id()), List.of());
    }

    public DefaultView getDefault(Caller caller, UUID loanId) {
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> ApiProblem.notFound("loan " + loanId));
        DefaultRecord d = repo.findDefault(loanId).orElseThrow(() -> ApiProblem.notFound("default of loan " + loanId));
        return defaultView(d, repo.allocations(loanId), repo.claims(loanId), repo.recoveries(loanId));
    }

    /** Interest of the lines due on or before {@code on}, less what was paid of it. */
    private BigDecimal interestDueAndUnpaid(UUID loanId, LocalDate on) {
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

    // ------------------------------------------------------------------------------------------------- claims

    public List<ClaimView> claims(Caller caller, UUID loanId) {
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> ApiProblem.notFound("loan " + loanId));
        return repo.claims(loanId).stream().map(LossSharing::view).toList();
    }

    @Transactional
    public ClaimView payClaim(Caller caller, UUID loanId, UUID claimId, LossSharingRequests.ClaimPayment body) {
        // another bank's loan is 404 before anything in the request is looked at
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> ApiProblem.notFound("loan " + loanId));
        FieldErrors errors = new FieldErrors();
        Money.check(errors, "amount", body.amount(), true);
        if (body.paidOn() == null) {
            errors.add("paidOn", "is required");
        } else if (body.paidOn().isAfter(LocalDate.now(clock))) {
            errors.add("paidOn", "is in the future");
        }
        errors.throwIfAny();
        Loan loan = loans.lock(loanId, caller.bankScope()).orElseThrow(() -> ApiProblem.notFound("loan " + loanId));
        Claim claim = repo.lockClaim(loanId, claimId).orElseThrow(() -> ApiProblem.notFound("claim " + claimId));
        if (!"FILED".equals(claim.status())) {
            throw ApiProblem.conflict("claim-already-paid", "Claim " + claimId + " was paid on " + claim.paidOn()
                    + ".", Map.of("currentStatus", claim.status()));
        }
        if (body.amount().compareTo(claim.amount()) != 0) {
            throw ApiProblem.unprocessable("claim-amount-mismatch", "The claim is for " + claim.amount()
                    .toPlainString() + " yuan; a payment of " + body.amount().toPlainString()
                    + " does not settle it (partial payments are not accepted).");
        }
        if (body.paidOn().isBefore(claim.filedOn())) {
            throw ApiProblem.invalid("paidOn", "is before the claim was filed (" + claim.filedOn() + ")");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!repo.markPaid(claimId, body.paidOn(), now)) {
            throw ApiProblem.conflict("claim-already-paid", "Claim " + claimId + " is paid already.");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("claimId", claimId.toString());
        payload.put("party", claim.party());
        payload.put("amount", claim.amount());
        payload.put("paidOn", body.paidOn());
        audit.append(caller, "loss-claim.paid", "loan", loanId, loan.bankId(), payload);
        return view(new Claim(claim.id(), loanId, claim.party(), claim.amount(), "PAID", claim.filedOn(),
                body.paidOn()));
    }

    // --------------------------------------------------------------------------------------------- recoveries

    @Transactional
    public RecoveryView recover(Caller caller, UUID loanId, LossSharingRequests.RecoveryRequest body) {
        // another bank's loan is 404 before anything in the request is looked at
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> ApiProblem.notFound("loan " + loanId));
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
        Loan loan = loans.lock(loanId, caller.bankScope()).orElseThrow(() -> ApiProblem.notFound("loan " + loanId));
        if (loan.status() != LoanStatus.DEFAULTED) {
            throw Transitions.notAllowed("loan", loan.status(), "record a recovery on",
                    EnumSet.of(LoanStatus.DEFAULTED));
        }
        DefaultRecord d = repo.findDefault(loanId).orElseThrow(() -> ApiProblem.conflict("no-default-record",
                "Loan " + loanId + " is DEFAULTED but has no default record; declare the default first."));
        if (body.recoveredOn().isBefore(d.defaultedOn())) {
            throw ApiProblem.invalid("recoveredOn", "is before the default (" + d.defaultedOn() + ")");
        }
        BigDecimal net = body.amount().subtract(costs).setScale(2);
        BigDecimal total = d.netRecovered().add(net);
        if (total.compareTo(d.loss()) > 0) {
            throw ApiProblem.unprocessable("recovery-exceeds-loss", "Net recoveries would reach "
                    + total.toPlainString() + " yuan, beyond the loss of " + d.loss().toPlainString() + " ("
                    + d.netRecovered().toPlainString() + " recovered so far; at most "
                    + d.loss().subtract(d.netRecovered()).toPlainString() + " more).");
        }
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
        Map<String, BigDecimal> parts = net.signum() == 0 ? zeros(weights.keySet())
                : Waterfall.splitWithin(net, weights, headroom);
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
        payload.put("shares", keyed(parts));
        payload.put("realisedLgd", lgd);
        audit.append(caller, "loan.recovery", "loan", loanId, loan.bankId(), payload);
        return view(recovery, total, lgd);
    }

    /** (EAD - net recoveries) / EAD to 6 decimals, HALF_UP. */
    static BigDecimal realisedLgd(BigDecimal ead, BigDecimal netRecovered) {
        if (ead.signum() == 0) {
            return BigDecimal.ZERO.setScale(RATIO_SCALE);
        }
        return ead.subtract(netRecovered).divide(ead, RATIO_SCALE, RoundingMode.HALF_UP);
    }

    // ---------------------------------------------------------------------------------------------------- NPL

    @Transactional
    public OverallNplView setOverallNpl(Caller caller, UUID bankId, LossSharingRequests.OverallNpl body) {
        FieldErrors errors = new FieldErrors();
        if (body.asOf() == null) {
            errors.add("asOf", "is required");
        } else if (body.asOf().isAfter(LocalDate.now(clock))) {
            errors.add("asOf", "is in the future");
        }
        if (body.overallNplRatio() == null) {
            errors.add("overallNplRatio", "is required (a decimal: 0.015 = 1.5%)");
        } else {
            fraction(errors, "overallNplRatio", body.overallNplRatio(), true);
        }
        errors.throwIfAny();
        banks.find(bankId).orElseThrow(() -> ApiProblem.notFound("bank " + bankId));
        BigDecimal ratio = body.overallNplRatio().setScale(RATIO_SCALE);
        repo.upsertOverallNpl(bankId, body.asOf(), ratio, caller.role() + ":" + caller.principalId(),
                OffsetDateTime.now(clock));
        audit.append(caller, "bank.overall-npl-set", "bank", bankId, bankId,
                Map.of("asOf", body.asOf(), "overallNplRatio", ratio));
        return new OverallNplView(bankId, body.asOf(), ratio);
    }

    /**
     * Per bank (a bank's caller: its own only): IP-loan NPL ratio = outstanding principal of DEFAULTED IP loans /
     * outstanding principal of DISBURSED, REPAYING and DEFAULTED ones (0 with no book), against the bank's latest
     * overall NPL ratio plus the tolerance; breached when the IP ratio is above that limit.
     */
    public NplReport npl(Caller caller) {
        LocalDate today = LocalDate.now(clock);
        List<Bank> scope = caller.bankScope().map(id -> banks.find(id).map(List::of).orElse(List.of()))
                .orElseGet(banks::all);
        BigDecimal tolerance = nplTolerance.setScale(RATIO_SCALE, RoundingMode.HALF_UP);
        List<NplView> out = new ArrayList<>();
        for (Bank bank : scope) {
            LossSharingRepository.Book book = repo.book(bank.id());
            BigDecimal ip = book.totalOutstanding().signum() == 0 ? BigDecimal.ZERO.setScale(RATIO_SCALE)
                    : book.defaultedOutstanding().divide(book.totalOutstanding(), RATIO_SCALE, RoundingMode.HALF_UP);
            Optional<LossSharingRepository.OverallNpl> overall = repo.overallNpl(bank.id(), today);
            BigDecimal limit = overall.map(o -> o.ratio().add(tolerance)).orElse(null);
            out.add(new NplView(bank.id(), bank.code(), book.totalOutstanding(), book.defaultedOutstanding(), ip,
                    overall.map(LossSharingRepository.OverallNpl::ratio).orElse(null),
                    overall.map(LossSharingRepository.OverallNpl::asOf).orElse(null), tolerance, limit,
                    limit == null ? null : ip.compareTo(limit) > 0));
        }
        return new NplReport(today, tolerance, out);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void fraction(FieldErrors errors, String field, BigDecimal value, boolean zeroAllowed) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0 || (!zeroAllowed && value.signum() == 0)) {
            errors.add(field, zeroAllowed ? "must be between 0 and 1" : "must be greater than 0 and at most 1");
        } else if (value.stripTrailingZeros().scale() > RATIO_SCALE) {
            errors.add(field, "must have at most " + RATIO_SCALE + " decimals");
        }
    }

    private static void onlyFor(FieldErrors errors, String field, Object value, String what) {
        if (value != null && !errors.has(field)) {
            errors.add(field, "applies to " + what + " only");
        }
    }

    private static BigDecimal ratio(BigDecimal v) {
        return v == null ? null : v.setScale(RATIO_SCALE);
    }

    private static BigDecimal yuan(BigDecimal v) {
        return v == null ? null : v.setScale(2);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Map<String, BigDecimal> zeros(Set<String> parties) {
        Map<String, BigDecimal> out = new TreeMap<>();
        parties.forEach(p -> out.put(p, BigDecimal.ZERO.setScale(2)));
        return out;
    }

    private static Map<String, BigDecimal> keyed(Map<String, BigDecimal> byParty) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        byParty.forEach((party, amount) -> out.put(Parties.key(party), amount));
        return out;
    }

    private static Map<String, BigDecimal> allocationMap(List<Allocation> allocations) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        allocations.forEach(a -> out.put(Parties.key(a.party()), a.amount()));
        return out;
    }

    private static Map<String, Object> schemePayload(Scheme s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", s.name());
        p.put("kind", s.kind());
        p.put("ruleScheme", s.ruleScheme());
        p.put("party", s.party());
        p.put("share", s.share());
        putIfPresent(p, "premiumRate", s.premiumRate());
        putIfPresent(p, "premiumSubsidyRatio", s.premiumSubsidyRatio());
        putIfPresent(p, "capacity", s.capacity());
        putIfPresent(p, "perLoanCap", s.perLoanCap());
        return p;
    }

    private static SchemeView view(Scheme s) {
        boolean pool = POOL.equals(s.kind());
        return new SchemeView(s.id(), s.name(), s.kind(), s.ruleScheme(), s.party(), s.share(),
                INSURANCE.equals(s.kind()) ? s.share() : null, s.premiumRate(), s.premiumSubsidyRatio(),
                s.capacity(), pool ? s.capacityUsed() : null,
                pool && s.capacity() != null ? s.capacity().subtract(s.capacityUsed()) : null, s.perLoanCap(),
                s.createdBy(), s.createdAt());
    }

    private static ClaimView view(Claim c) {
        return new ClaimView(c.id(), c.loanId(), c.party(), c.amount(), c.status(), c.filedOn(), c.paidOn());
    }

    private static RecoveryView view(Recovery r, BigDecimal total, BigDecimal lgd) {
        return new RecoveryView(r.id(), r.loanId(), r.amount(), r.costs(), r.netAmount(), r.recoveredOn(),
                r.method(), keyed(r.shares()), total, lgd);
    }

    private static DefaultView defaultView(DefaultRecord d, List<Allocation> allocations, List<Claim> claims,
                                           List<Recovery> recoveries) {
        List<RecoveryView> rv = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO.setScale(2);
        for (Recovery r : recoveries) {
            running = running.add(r.netAmount());
            rv.add(view(r, running, realisedLgd(d.exposureAtDefault(), running)));
        }
        return new DefaultView(d.loanId(), d.defaultedOn(), d.note(), d.ruleScheme(), d.outstandingPrincipal(),
                d.interestDue(), d.exposureAtDefault(), d.loss(), allocationMap(allocations),
                allocations.stream().map(a -> new AllocationView(a.party(), a.share(), a.amount(), a.capped()))
                        .toList(),
                claims.stream().map(LossSharing::view).toList(), d.netRecovered(), d.realisedLgd(), rv);
    }
}
