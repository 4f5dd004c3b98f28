package com.ipledge.service.losssharing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.evaluation.EvaluationService;
import com.ipledge.service.loan.DisbursementListener;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.Loans;
import com.ipledge.service.losssharing.Facility.GuaranteeFund;
import com.ipledge.service.losssharing.Facility.GuaranteeInsurance;
import com.ipledge.service.losssharing.Facility.RiskCompensationPool;
import com.ipledge.service.losssharing.LossSharingRepository.Cover;
import com.ipledge.service.losssharing.LossSharingRepository.Scheme;
import com.ipledge.service.losssharing.LossSharingViews.CoverView;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The loan's cover, frozen at disbursement: the shares of its decision's risk share, the insurance premium
 * (principal x rate) and subsidy (premium x subsidy ratio), both to the fen HALF_UP, and the pool-covered exposure
 * (principal x pool share, HALF_UP, capped per loan) added to the pool's capacity used by one conditional UPDATE
 * (409 when the pool is full; the disbursement then rolls back).
 */
@Singleton
public class Covers implements DisbursementListener {
    static final String SYSTEM = "SYSTEM:loss-sharing";

    /** The loan's risk share as its decision gave it. */
    record RiskShareTerms(String scheme, String coverage, Map<String, BigDecimal> shares) {
    }

    private final LossSharingRepository repo;
    private final Schemes schemes;
    private final Loans loans;
    private final EvaluationService decisions;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public Covers(LossSharingRepository repo, Schemes schemes, Loans loans, EvaluationService decisions,
                  AuditLog audit, ObjectMapper json, Clock clock) {
        this.repo = repo;
        this.schemes = schemes;
        this.loans = loans;
        this.decisions = decisions;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

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
        schemes.ensureDefaults();
        List<Cover> covers = compute(loan, true);
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
        loans.find(loanId, caller.bankScope()).orElseThrow(() -> NotFound.of("loan " + loanId));
        return repo.covers(loanId).stream().map(c -> new CoverView(c.party(), c.ruleScheme(), c.schemeId(),
                c.share(), c.lossCap(), c.premium(), c.premiumSubsidy(), c.poolExposure())).toList();
    }

    /** The frozen cover, or, for a loan disbursed before covers were recorded, today's terms. */
    List<Cover> frozenOrToday(Loan loan) {
        List<Cover> covers = repo.covers(loan.id());
        if (!covers.isEmpty()) {
            return covers;
        }
        schemes.ensureDefaults();
        return compute(loan, false);
    }

    private List<Cover> compute(Loan loan, boolean takePoolCapacity) {
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
            Facility facility = s == null ? null : s.facility();
            BigDecimal premium = null;
            BigDecimal subsidy = null;
            BigDecimal poolExposure = null;
            BigDecimal cap = null;
            if (facility instanceof GuaranteeInsurance insurance) {
                premium = loan.principal().multiply(insurance.premiumRate()).setScale(2, RoundingMode.HALF_UP);
                BigDecimal ratio = insurance.premiumSubsidyRatio() == null ? BigDecimal.ZERO
                        : insurance.premiumSubsidyRatio();
                subsidy = premium.multiply(ratio).setScale(2, RoundingMode.HALF_UP);
            } else if (facility instanceof RiskCompensationPool pool) {
                poolExposure = loan.principal().multiply(share).setScale(2, RoundingMode.HALF_UP);
                if (pool.perLoanCap() != null) {
                    poolExposure = poolExposure.min(pool.perLoanCap());
                }
                cap = poolExposure;
                if (takePoolCapacity && poolExposure.signum() > 0 && !repo.usePoolCapacity(s.id(), poolExposure)) {
                    throw poolFull(s, poolExposure);
                }
            } else if (facility instanceof GuaranteeFund fund) {
                cap = fund.perLoanCap();
            }
            covers.add(new Cover(loan.id(), party, terms.scheme(), s == null ? null : s.id(),
                    share.setScale(Ratios.SCALE), cap, premium, subsidy, poolExposure));
        }
        return covers;
    }

    private Conflict poolFull(Scheme s, BigDecimal required) {
        RiskCompensationPool pool = (RiskCompensationPool) repo.scheme(s.id()).orElse(s).facility();
        return Conflict.of("pool-capacity-exhausted", "The risk-compensation pool " + s.name() + " has "
                        + pool.capacityAvailable().toPlainString() + " yuan of capacity left; this loan needs "
                        + required.toPlainString() + ". Refer the loan or ask the bureau to enlarge the pool.",
                Map.of("schemeId", s.id().toString(), "capacity", pool.capacity(),
                        "capacityUsed", pool.capacityUsed(), "required", required));
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

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
