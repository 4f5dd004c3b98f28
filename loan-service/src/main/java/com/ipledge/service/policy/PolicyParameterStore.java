package com.ipledge.service.policy;

import static com.ipledge.service.db.Tables.POLICY_PARAMETERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.rules.Problem;
import com.ipledge.rules.params.ApprovalPolicy;
import com.ipledge.rules.params.NplPolicy;
import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.database.RenderedQueries;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.security.Caller;
import com.ipledge.valuation.ScoreWeights;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The credit policy's parameters (LTV caps, thresholds, spreads, risk-sharing schemes) as numbered versions in
 * PostgreSQL. The bureau changes them through the API; every change is a new version and an audit entry, and
 * every decision names the version it used. Version 1 is the market-practice defaults.
 */
@Singleton
@Connectable
public class PolicyParameterStore {
    private static final long LOCK = 7_201_300L;

    private final org.jooq.DSLContext db;
    private final RenderedQueries rendered = new RenderedQueries();
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;
    /**
     * What a version that does not name the two-approver threshold or the NPL tolerance means (version 1, and
     * versions stored before they were policy data): the deployment's settings, so that setting them still counts.
     */
    private final ApprovalPolicy configuredApproval;
    private final NplPolicy configuredNpl;

    /**
     * The newest version this instance has parsed, with its number and time (the pair names a stored version even
     * if a transaction that inserted a version rolled back); null before the first read.
     */
    private volatile Parsed latest;

    private record Parsed(int version, OffsetDateTime createdAt, PolicyParameters parameters) {
    }

    public PolicyParameterStore(org.jooq.DSLContext db, ObjectMapper json, AuditLog audit, Clock clock,
                                ConfiguredApproval approvalDefault, ConfiguredNpl nplDefault) {
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.configuredApproval = new ApprovalPolicy(approvalDefault.twoApproverThreshold());
        this.configuredNpl = new NplPolicy(nplDefault.tolerance());
    }

    /**
     * The latest version; creates version 1 from the defaults the first time. A version never changes once stored,
     * so each instance reads the newest version's number (one small read) and parses its JSON only when the number
     * is new to it.
     */
    @Transactional
    public PolicyParameters current() {
        // every evaluation asks: rendered once
        var newest = rendered.records(db, "newest", () -> db.select(POLICY_PARAMETERS.VERSION,
                POLICY_PARAMETERS.CREATED_AT).from(POLICY_PARAMETERS).orderBy(POLICY_PARAMETERS.VERSION.desc())
                .limit(1), 1).fetchOne();
        Parsed known = latest;
        if (newest != null && known != null && newest.get(POLICY_PARAMETERS.VERSION) == known.version()
                && newest.get(POLICY_PARAMETERS.CREATED_AT).equals(known.createdAt())) {
            return known.parameters();
        }
        var row = db.selectFrom(POLICY_PARAMETERS).orderBy(POLICY_PARAMETERS.VERSION.desc()).limit(1).fetchOne();
        if (row == null) {
            db.execute("SELECT pg_advisory_xact_lock(?)", LOCK);
            row = db.selectFrom(POLICY_PARAMETERS).orderBy(POLICY_PARAMETERS.VERSION.desc()).limit(1).fetchOne();
            if (row == null) {
                PolicyParameters d = PolicyParameters.defaults();
                // the deployment's settings, not the library's, for the parts a deployment may set
                PolicyParameters defaults = withVersion(new PolicyParameters(d.version(), d.eligibility(),
                        d.collateral(), d.limits(), d.pricing(), d.riskSharing(), d.monitoring(), d.classification(),
                        d.lgd(), d.valuation(), d.portfolioRisk(), null, null, d.widerCollateral(), d.registry(),
                        d.valuationGovernance(), d.scorecard()), 1);
                insert(1, defaults, "SYSTEM:defaults");
                audit.append("SYSTEM:defaults", "policy-parameters.created", "policy_parameters", 1, null,
                        Map.of("version", 1));
                return defaults;
            }
        }
        PolicyParameters read = withVersion(read(row.getParameters()), row.getVersion());
        latest = new Parsed(row.getVersion(), row.getCreatedAt(), read);
        return read;
    }

    /**
     * The version a decision names ({@code parametersVersion}), so that what follows from a decision (how many must
     * approve it) follows from the parameters that produced it.
     */
    @Transactional
    public PolicyParameters version(int version) {
        return db.selectFrom(POLICY_PARAMETERS).where(POLICY_PARAMETERS.VERSION.eq(version)).fetchOptional()
                .map(row -> withVersion(read(row.getParameters()), row.getVersion()))
                .orElseThrow(() -> new IllegalStateException("no policy parameters version " + version));
    }

    @Transactional
    public PolicyParameters update(Caller caller, PolicyParameters proposed) {
        List<FieldError> problems = new java.util.ArrayList<>(proposed.problems().stream()
                .map(p -> new FieldError(p.field(), p.message())).toList());
        if (proposed.valuation() != null && proposed.valuation().scoreWeights() != null
                && problems.stream().noneMatch(p -> p.field().startsWith("valuation.scoreWeights"))) {
            // the indicator ids are the valuation engine's: it names the ones it does not know or misses
            scoreWeights(proposed).problems("valuation.scoreWeights.")
                    .forEach(p -> problems.add(new FieldError(p.field(), p.message())));
        }
        if (!problems.isEmpty()) {
            throw InvalidInput.of(problems);
        }
        db.execute("SELECT pg_advisory_xact_lock(?)", LOCK);
        int previous = current().version() == null ? 0 : Integer.parseInt(current().version());
        int version = previous + 1;
        PolicyParameters stored = withVersion(proposed, version);
        insert(version, stored, caller.role() + ":" + caller.principalId());
        audit.append(caller, "policy-parameters.changed", "policy_parameters", version, null,
                Map.of("from", previous, "to", version, "parameters", stored));
        return stored;
    }

    private void insert(int version, PolicyParameters p, String by) {
        db.insertInto(POLICY_PARAMETERS)
                .set(POLICY_PARAMETERS.VERSION, version)
                .set(POLICY_PARAMETERS.PARAMETERS, write(p))
                .set(POLICY_PARAMETERS.CREATED_AT, OffsetDateTime.now(clock))
                .set(POLICY_PARAMETERS.CREATED_BY, by)
                .execute();
    }

    /** {@code p} numbered {@code version}, with every part it does not name as it was meant (the defaults). */
    PolicyParameters withVersion(PolicyParameters p, int version) {
        return new PolicyParameters(String.valueOf(version), p.eligibility(), p.collateral(), p.limits(),
                p.pricing(), p.riskSharing(), p.monitoring(), p.classificationOrDefaults(), p.lgdOrDefaults(),
                p.valuationOrDefaults(), p.portfolioRiskOrDefaults(),
                p.approval() == null ? configuredApproval : p.approval(), p.npl() == null ? configuredNpl : p.npl(),
                p.widerCollateralOrDefaults(), p.registryOrDefaults(),
                p.valuationGovernanceOrDefaults(), p.scorecardOrDefaults());
    }

    /** The value score's finance-scenario weights of {@code p} as the valuation engine takes them. */
    public static ScoreWeights scoreWeights(PolicyParameters p) {
        Map<String, Map<String, BigDecimal>> w = p.valuationOrDefaults().scoreWeights();
        return new ScoreWeights(doubles(w.get("PATENT")), doubles(w.get("MARK")));
    }

    private static Map<String, Double> doubles(Map<String, BigDecimal> weights) {
        if (weights == null) {
            return null;
        }
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        weights.forEach((id, w) -> m.put(id, w == null ? null : w.doubleValue()));
        return m;
    }

    private PolicyParameters read(String s) {
        try {
            return json.readValue(s, PolicyParameters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy parameters unreadable", e);
        }
    }

    private String write(PolicyParameters p) {
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
