package com.ipledge.service.policy;

import static com.ipledge.service.db.Tables.POLICY_PARAMETERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.rules.Problem;
import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.security.Caller;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
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
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;

    public PolicyParameterStore(org.jooq.DSLContext db, ObjectMapper json, AuditLog audit, Clock clock) {
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** The latest version; creates version 1 from the defaults the first time. */
    @Transactional
    public PolicyParameters current() {
        var row = db.selectFrom(POLICY_PARAMETERS).orderBy(POLICY_PARAMETERS.VERSION.desc()).limit(1).fetchOne();
        if (row == null) {
            db.execute("SELECT pg_advisory_xact_lock(?)", LOCK);
            row = db.selectFrom(POLICY_PARAMETERS).orderBy(POLICY_PARAMETERS.VERSION.desc()).limit(1).fetchOne();
            if (row == null) {
                PolicyParameters defaults = withVersion(PolicyParameters.defaults(), 1);
                insert(1, defaults, "SYSTEM:defaults");
                audit.append("SYSTEM:defaults", "policy-parameters.created", "policy_parameters", 1, null,
                        Map.of("version", 1));
                return defaults;
            }
        }
        return withVersion(read(row.getParameters()), row.getVersion());
    }

    @Transactional
    public PolicyParameters update(Caller caller, PolicyParameters proposed) {
        List<Problem> problems = proposed.problems();
        if (!problems.isEmpty()) {
            throw InvalidInput.of(problems.stream().map(p -> new FieldError(p.field(), p.message())).toList());
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

    static PolicyParameters withVersion(PolicyParameters p, int version) {
        return new PolicyParameters(String.valueOf(version), p.eligibility(), p.collateral(), p.limits(),
                p.pricing(), p.riskSharing(), p.monitoring(), p.classificationOrDefaults(),
                p.valuationGovernanceOrDefaults());
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
