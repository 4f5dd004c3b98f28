package com.ipledge.service.evaluation;

import static com.ipledge.service.db.Tables.DECISION;

import com.ipledge.service.db.tables.records.DecisionRecord;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class DecisionRepository {
    /** The columns kept beside the JSON body for queries and for the portfolio views. */
    public record Figures(String outcome, BigDecimal approvedLimit, BigDecimal ltv, BigDecimal pd, BigDecimal lgd,
                          BigDecimal expectedLoss, String riskGrade, BigDecimal interestRate,
                          String ruleBaseVersion, int parametersVersion, String modelVersion,
                          String valuationVersion) {
    }

    private final DSLContext db;

    public DecisionRepository(DSLContext db) {
        this.db = db;
    }

    /** Stores a decision; nothing is read back (the caller has every value, and the body is large). */
    public void insertWithId(UUID id, UUID applicationId, Figures f, String body, String inputHash,
                             UUID evaluatedBy, OffsetDateTime now) {
        db.insertInto(DECISION)
                .set(DECISION.ID, id)
                .set(DECISION.APPLICATION_ID, applicationId)
                .set(DECISION.OUTCOME, f.outcome())
                .set(DECISION.APPROVED_LIMIT, f.approvedLimit())
                .set(DECISION.LTV, f.ltv())
                .set(DECISION.PD, f.pd())
                .set(DECISION.LGD, f.lgd())
                .set(DECISION.EXPECTED_LOSS, f.expectedLoss())
                .set(DECISION.RISK_GRADE, f.riskGrade())
                .set(DECISION.INTEREST_RATE, f.interestRate())
                .set(DECISION.BODY, body)
                .set(DECISION.RULE_BASE_VERSION, f.ruleBaseVersion())
                .set(DECISION.PARAMETERS_VERSION, f.parametersVersion())
                .set(DECISION.MODEL_VERSION, f.modelVersion())
                .set(DECISION.VALUATION_VERSION, f.valuationVersion())
                .set(DECISION.INPUT_HASH, inputHash)
                .set(DECISION.EVALUATED_BY, evaluatedBy)
                .set(DECISION.CREATED_AT, now)
                .execute();
    }

    /** The latest decision on an application. */
    public Optional<StoredDecision> latest(UUID applicationId) {
        return db.selectFrom(DECISION).where(DECISION.APPLICATION_ID.eq(applicationId))
                .orderBy(DECISION.CREATED_AT.desc(), DECISION.ID).limit(1)
                .fetchOptional().map(DecisionRepository::toDecision);
    }

    public Optional<StoredDecision> find(UUID id) {
        return db.selectFrom(DECISION).where(DECISION.ID.eq(id)).fetchOptional().map(DecisionRepository::toDecision);
    }

    static StoredDecision toDecision(DecisionRecord r) {
        return new StoredDecision(r.getId(), r.getApplicationId(), r.getOutcome(), r.getApprovedLimit(),
                r.getInterestRate(), r.getBody(), r.getInputHash(), r.getEvaluatedBy(), r.getCreatedAt());
    }
}
