package com.ipledge.service.losssharing;

import com.ipledge.rules.params.RiskShareScheme;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.losssharing.Facility.GuaranteeFund;
import com.ipledge.service.losssharing.Facility.GuaranteeInsurance;
import com.ipledge.service.losssharing.Facility.RiskCompensationPool;
import com.ipledge.service.losssharing.LossSharingRepository.Scheme;
import com.ipledge.service.losssharing.LossSharingRequests.NewScheme;
import com.ipledge.service.losssharing.LossSharingViews.SchemeView;
import com.ipledge.service.money.Money;
import com.ipledge.service.policy.PolicyParameterStore;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.security.Caller;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Schemes are data: one configured facility per (rule-base scheme, party) — guarantee insurance behind INSURER
 * (premium rate, coverage ratio, government premium subsidy ratio), a risk-compensation pool behind
 * RISK_COMPENSATION_POOL (share, capacity, per-loan cap), a guarantee fund behind GUARANTOR / GUARANTEE_FUND
 * (share, per-loan cap). Defaults are seeded from the rule base's schemes at start-up when none exist.
 */
@Singleton
public class Schemes {
    /** Seeded when no scheme exists: typical provincial terms (documented in the report). */
    static final BigDecimal SEED_PREMIUM_RATE = new BigDecimal("0.015000");
    static final BigDecimal SEED_PREMIUM_SUBSIDY = new BigDecimal("0.500000");
    static final BigDecimal SEED_POOL_CAPACITY = new BigDecimal("100000000.00");
    static final BigDecimal SEED_POOL_PER_LOAN_CAP = new BigDecimal("3000000.00");
    static final BigDecimal SEED_FUND_PER_LOAN_CAP = new BigDecimal("2000000.00");

    private final LossSharingRepository repo;
    private final PolicyParameterStore policy;
    private final AuditLog audit;
    private final Clock clock;
    private volatile boolean seeded;

    public Schemes(LossSharingRepository repo, PolicyParameterStore policy, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ensureDefaults();
    }

    public List<SchemeView> schemes() {
        return repo.schemes().stream().map(SchemeView::of).toList();
    }

    @Transactional
    public SchemeView createScheme(Caller caller, NewScheme body) {
        ensureDefaults();
        String name = body.name() == null ? null : body.name().strip();
        String party = body.party() != null ? body.party().strip() : defaultParty(body.kind());
        check(body, name, party);
        RiskShareScheme ruleScheme = policy.current().riskSharing().schemes().stream()
                .filter(s -> s.name().equals(body.ruleScheme().strip())).findFirst()
                .orElseThrow(() -> RuleViolation.of("unknown-rule-scheme", "The rule base has no scheme "
                        + body.ruleScheme().strip() + "; its schemes are " + policy.current().riskSharing()
                        .schemes().stream().map(RiskShareScheme::name).toList() + "."));
        BigDecimal ruleShare = ruleScheme.shares().get(party);
        if (ruleShare == null) {
            throw RuleViolation.of("party-not-in-scheme", "Scheme " + ruleScheme.name()
                    + " gives no share to " + party + "; its parties are "
                    + new TreeMap<>(ruleScheme.shares()).keySet() + ".");
        }
        BigDecimal given = body.share() != null ? body.share() : body.coverageRatio();
        if (given != null && given.compareTo(ruleShare) != 0) {
            throw RuleViolation.of("share-disagrees-with-rule-base", "The rule base gives " + party
                    + " a share of " + ruleShare.toPlainString() + " under " + ruleScheme.name() + ", not "
                    + given.toPlainString() + ": change the policy parameters first.");
        }
        Facility facility = switch (body.kind()) {
            case Facility.INSURANCE -> new GuaranteeInsurance(Ratios.scaled(body.premiumRate()),
                    Ratios.scaled(body.premiumSubsidyRatio() == null ? BigDecimal.ZERO : body.premiumSubsidyRatio()));
            case Facility.POOL -> new RiskCompensationPool(yuan(body.capacity()), BigDecimal.ZERO.setScale(2),
                    yuan(body.perLoanCap()));
            default -> new GuaranteeFund(yuan(body.perLoanCap()));
        };
        Scheme scheme = new Scheme(UUID.randomUUID(), name, ruleScheme.name(), party,
                ruleShare.setScale(Ratios.SCALE), facility, caller.role() + ":" + caller.principalId(),
                OffsetDateTime.now(clock));
        Scheme created = repo.insertScheme(scheme).orElseThrow(() -> Conflict.of("scheme-exists",
                "A scheme named " + name + ", or one for " + party + " under " + ruleScheme.name()
                        + ", is configured already."));
        audit.append(caller, "risk-sharing-scheme.created", "loss_sharing_scheme", created.id(), null,
                payload(created, SchemeView.of(created)));
        return SchemeView.of(created);
    }

    /**
     * Seeds one facility per insurer, pool and guarantor share of the rule base's schemes when none exist. Run at
     * start-up; the writes that need schemes call it too, in case they run before the start-up event reaches here.
     */
    @Transactional
    public void ensureDefaults() {
        if (seeded) {
            return;
        }
        if (repo.countSchemes() > 0) {
            seeded = true; // committed rows exist: no need to look again on this instance
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> names = new ArrayList<>();
        for (RiskShareScheme s : policy.current().riskSharing().schemes()) {
            for (Map.Entry<String, BigDecimal> share : new TreeMap<>(s.shares()).entrySet()) {
                String party = share.getKey();
                Facility facility = switch (party) {
                    case Parties.INSURER -> new GuaranteeInsurance(SEED_PREMIUM_RATE, SEED_PREMIUM_SUBSIDY);
                    case Parties.POOL -> new RiskCompensationPool(SEED_POOL_CAPACITY, BigDecimal.ZERO.setScale(2),
                            SEED_POOL_PER_LOAN_CAP);
                    case Parties.GUARANTOR, Parties.GUARANTEE_FUND -> new GuaranteeFund(SEED_FUND_PER_LOAN_CAP);
                    default -> null;
                };
                if (facility == null || share.getValue().signum() <= 0) {
                    continue;
                }
                repo.insertScheme(new Scheme(UUID.randomUUID(), s.name() + "/" + party, s.name(), party,
                        share.getValue().setScale(Ratios.SCALE), facility, "SYSTEM:defaults", now))
                        .ifPresent(x -> names.add(x.name()));
            }
        }
        if (!names.isEmpty()) {
            audit.append("SYSTEM:defaults", "risk-sharing-scheme.seeded", "loss_sharing_scheme", "defaults",
                    null, Map.of("schemes", names));
        }
    }

    private static String defaultParty(String kind) {
        return Facility.INSURANCE.equals(kind) ? Parties.INSURER : Facility.POOL.equals(kind) ? Parties.POOL
                : Facility.FUND.equals(kind) ? Parties.GUARANTEE_FUND : null;
    }

    private static void check(NewScheme body, String name, String party) {
        FieldErrors errors = new FieldErrors();
        if (name == null || name.isEmpty()) {
            errors.add("name", "is required");
        } else if (name.length() > 80) {
            errors.add("name", "must be at most 80 characters");
        }
        String kind = body.kind();
        if (kind == null) {
            errors.add("kind", "is required (one of " + String.join(", ", new TreeSet<>(Facility.KINDS)) + ")");
        } else if (!Facility.KINDS.contains(kind)) {
            errors.add("kind", "must be one of " + String.join(", ", new TreeSet<>(Facility.KINDS)));
        }
        if (body.ruleScheme() == null || body.ruleScheme().isBlank()) {
            errors.add("ruleScheme", "is required (the rule base's scheme name, e.g. POOL_60_40)");
        }
        if (Parties.BANK.equals(party)) {
            errors.add("party", "must not be the bank: the bank bears what the configured parties do not");
        } else if (party != null && !party.matches("[A-Z][A-Z_]{0,39}")) {
            errors.add("party", "must be a rule-base party name in upper case (e.g. INSURER)");
        }
        Ratios.checkFraction(errors, "share", body.share(), false);
        Ratios.checkFraction(errors, "coverageRatio", body.coverageRatio(), false);
        Ratios.checkFraction(errors, "premiumRate", body.premiumRate(), true);
        Ratios.checkFraction(errors, "premiumSubsidyRatio", body.premiumSubsidyRatio(), true);
        if (body.capacity() != null) {
            Money.check(errors, "capacity", body.capacity(), true);
        }
        if (body.perLoanCap() != null) {
            Money.check(errors, "perLoanCap", body.perLoanCap(), true);
        }
        if (Facility.INSURANCE.equals(kind)) {
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
            if (Facility.POOL.equals(kind) && body.capacity() == null) {
                errors.add("capacity", "is required for a risk-compensation pool (yuan)");
            }
            if (Facility.FUND.equals(kind)) {
                onlyFor(errors, "capacity", body.capacity(), "risk-compensation pools");
            }
        }
        errors.throwIfAny();
    }

    private static void onlyFor(FieldErrors errors, String field, Object value, String what) {
        if (value != null && !errors.has(field)) {
            errors.add(field, "applies to " + what + " only");
        }
    }

    private static BigDecimal yuan(BigDecimal v) {
        return v == null ? null : v.setScale(2);
    }

    /** The audit entry's terms: those the scheme's kind has. */
    private static Map<String, Object> payload(Scheme s, SchemeView v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", s.name());
        p.put("kind", v.kind());
        p.put("ruleScheme", s.ruleScheme());
        p.put("party", s.party());
        p.put("share", s.share());
        putIfPresent(p, "premiumRate", v.premiumRate());
        putIfPresent(p, "premiumSubsidyRatio", v.premiumSubsidyRatio());
        putIfPresent(p, "capacity", v.capacity());
        putIfPresent(p, "perLoanCap", v.perLoanCap());
        return p;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
