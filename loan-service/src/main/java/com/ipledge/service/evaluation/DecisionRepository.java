package com.ipledge.service.evaluation;

import static com.ipledge.service.db.Tables.DECISION;
import static com.ipledge.service.db.Tables.DECISION_COLLATERAL;
import static com.ipledge.service.db.Tables.DECISION_RISK_SHARE;

import com.ipledge.rules.RiskShare;
import com.ipledge.service.database.RenderedQueries;
import com.ipledge.service.db.tables.records.DecisionCollateralRecord;
import com.ipledge.service.db.tables.records.DecisionRecord;
import com.ipledge.service.db.tables.records.DecisionRiskShareRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * The one place a stored decision is mapped: the decision row, its collateral lines and its risk shares to a
 * {@link StoredDecision} and back. Opens a pooled connection per call unless a transaction is under way, which it
 * then joins.
 */
@Singleton
@Connectable
class DecisionRepository {
    /** Decisions read per query when many are asked for at once (the portfolio's book). */
    private static final int CHUNK = 1000;

    private final DSLContext db;
    private final RenderedQueries rendered = new RenderedQueries();

    public DecisionRepository(DSLContext db) {
        this.db = db;
    }

    public void insert(StoredDecision d) {
        String scheme = d.riskShare() == null ? null : d.riskShare().scheme();
        String coverage = d.riskShare() == null ? null : d.riskShare().coverage();
        List<RenderedQueries.Part> parts = new ArrayList<>();
        parts.add(new RenderedQueries.Part("decision", () -> db.insertInto(DECISION)
                        .set(DECISION.ID, d.id())
                        .set(DECISION.APPLICATION_ID, d.applicationId())
                        .set(DECISION.OUTCOME, d.outcome())
                        .set(DECISION.APPROVED_LIMIT, d.approvedLimit())
                        .set(DECISION.LTV, d.ltv())
                        .set(DECISION.PD, d.pd())
                        .set(DECISION.LGD, d.lgd())
                        .set(DECISION.EXPECTED_LOSS, d.expectedLoss())
                        .set(DECISION.RISK_GRADE, d.riskGrade())
                        .set(DECISION.INTEREST_RATE, d.interestRate())
                        .set(DECISION.LIMIT_BINDING, d.limitBinding())
                        .set(DECISION.TOTAL_COLLATERAL_VALUE, d.totalCollateralValue())
                        .set(DECISION.RISK_SHARE_SCHEME, scheme)
                        .set(DECISION.RISK_SHARE_COVERAGE, coverage)
                        .set(DECISION.BODY, d.body())
                        .set(DECISION.RULE_BASE_VERSION, d.versions().ruleBase())
                        .set(DECISION.PARAMETERS_VERSION, d.versions().parameters())
                        .set(DECISION.MODEL_VERSION, d.versions().model())
                        .set(DECISION.VALUATION_VERSION, d.versions().valuation())
                        .set(DECISION.INPUT_HASH, d.inputHash())
                        .set(DECISION.EVALUATED_BY, d.evaluatedBy())
                        .set(DECISION.CREATED_AT, d.createdAt()),
                d.id(), d.applicationId(), d.outcome(), d.approvedLimit(), d.ltv(), d.pd(), d.lgd(), d.expectedLoss(),
                d.riskGrade(), d.interestRate(), d.limitBinding(), d.totalCollateralValue(), scheme, coverage,
                d.body(), d.versions().ruleBase(), d.versions().parameters(), d.versions().model(),
                d.versions().valuation(), d.inputHash(), d.evaluatedBy(), d.createdAt()));
        List<DecisionCollateralRecord> lines = new ArrayList<>();
        for (int i = 0; i < d.collateral().size(); i++) {
            StoredDecision.CollateralLine c = d.collateral().get(i);
            lines.add(new DecisionCollateralRecord(d.id(), i, c.assetId(), c.valuationId(), c.collateralValue(),
                    c.reconciledValue(), c.valueScore(), c.valuationSource()));
        }
        addRowsInsert(parts, "lines", DECISION_COLLATERAL, lines);
        if (d.riskShare() != null && d.riskShare().shares() != null) {
            addRowsInsert(parts, "shares", DECISION_RISK_SHARE, d.riskShare().shares().entrySet().stream()
                    .map(s -> new DecisionRiskShareRecord(d.id(), s.getKey(), s.getValue())).toList());
        }
        // the decision, its lines and its risk shares in one round trip
        rendered.executeTogether(db, parts.toArray(RenderedQueries.Part[]::new));
    }

    /**
     * Adds one multi-row INSERT of every column to {@code parts} (jOOQ's batchInsert renders each record on its
     * own), rendered once per number of rows.
     */
    private <R extends TableRecord<R>> void addRowsInsert(List<RenderedQueries.Part> parts, String name, Table<R> table,
                                                          List<R> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>();
        rows.forEach(r -> values.addAll(java.util.Arrays.asList(r.intoArray())));
        parts.add(new RenderedQueries.Part(name, () -> db.insertInto(table, table.fields()).valuesOfRecords(rows),
                values));
    }

    /** The latest decision on an application. */
    public Optional<StoredDecision> latest(UUID applicationId) {
        return db.selectFrom(DECISION).where(DECISION.APPLICATION_ID.eq(applicationId))
                .orderBy(DECISION.CREATED_AT.desc(), DECISION.ID).limit(1)
                .fetchOptional().map(this::withDetails);
    }

    public Optional<StoredDecision> find(UUID id) {
        return db.selectFrom(DECISION).where(DECISION.ID.eq(id)).fetchOptional().map(this::withDetails);
    }

    /** The decisions with these ids (unknown ids are left out), three queries per thousand. */
    public Map<UUID, StoredDecision> findAll(Collection<UUID> ids) {
        Map<UUID, StoredDecision> found = new HashMap<>();
        List<UUID> distinct = new ArrayList<>(new HashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<UUID> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            Map<UUID, List<StoredDecision.CollateralLine>> lines = collateral(chunk);
            Map<UUID, Map<String, BigDecimal>> shares = shares(chunk);
            db.selectFrom(DECISION).where(DECISION.ID.in(chunk)).forEach(r -> found.put(r.getId(),
                    toDecision(r, lines.getOrDefault(r.getId(), List.of()), shares.getOrDefault(r.getId(), Map.of()))));
        }
        return found;
    }

    private StoredDecision withDetails(DecisionRecord r) {
        List<UUID> id = List.of(r.getId());
        return toDecision(r, collateral(id).getOrDefault(r.getId(), List.of()),
                shares(id).getOrDefault(r.getId(), Map.of()));
    }

    private Map<UUID, List<StoredDecision.CollateralLine>> collateral(List<UUID> decisionIds) {
        Map<UUID, List<StoredDecision.CollateralLine>> lines = new LinkedHashMap<>();
        db.selectFrom(DECISION_COLLATERAL).where(DECISION_COLLATERAL.DECISION_ID.in(decisionIds))
                .orderBy(DECISION_COLLATERAL.DECISION_ID, DECISION_COLLATERAL.POSITION)
                .forEach(c -> lines.computeIfAbsent(c.getDecisionId(), k -> new ArrayList<>())
                        .add(new StoredDecision.CollateralLine(c.getAssetId(), c.getValuationId(),
                                c.getCollateralValue(), c.getReconciledValue(), c.getValueScore(),
                                c.getValuationSource())));
        return lines;
    }

    /** Sorted by party in Java's order (the rule base's), not the database's collation. */
    private Map<UUID, Map<String, BigDecimal>> shares(List<UUID> decisionIds) {
        Map<UUID, Map<String, BigDecimal>> shares = new HashMap<>();
        db.selectFrom(DECISION_RISK_SHARE).where(DECISION_RISK_SHARE.DECISION_ID.in(decisionIds))
                .forEach(s -> shares.computeIfAbsent(s.getDecisionId(), k -> new TreeMap<>())
                        .put(s.getParty(), s.getShare()));
        return shares;
    }

    private static StoredDecision toDecision(DecisionRecord r, List<StoredDecision.CollateralLine> collateral,
                                             Map<String, BigDecimal> shares) {
        RiskShare riskShare = r.getRiskShareScheme() == null ? null
                : new RiskShare(r.getRiskShareScheme(), r.getRiskShareCoverage(),
                        Collections.unmodifiableMap(new TreeMap<>(shares)));
        return new StoredDecision(r.getId(), r.getApplicationId(), r.getOutcome(), r.getApprovedLimit(),
                r.getInterestRate(), r.getLtv(), r.getLimitBinding(), r.getTotalCollateralValue(), r.getPd(),
                r.getLgd(), r.getExpectedLoss(), r.getRiskGrade(), riskShare, List.copyOf(collateral),
                new StoredDecision.Versions(r.getRuleBaseVersion(), r.getParametersVersion(), r.getModelVersion(),
                        r.getValuationVersion()), r.getBody(), r.getInputHash(), r.getEvaluatedBy(),
                r.getCreatedAt());
    }
}
