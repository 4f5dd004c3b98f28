package com.ipledge.service.portfolio;

import static com.ipledge.service.db.Tables.BANK;
import static com.ipledge.service.db.Tables.BANK_NPL;
import static com.ipledge.service.db.Tables.BORROWER;
import static com.ipledge.service.db.Tables.LOAN;
import static com.ipledge.service.db.Tables.LOAN_APPLICATION;
import static com.ipledge.service.db.Tables.LOAN_CLASSIFICATION_MOVE;
import static com.ipledge.service.db.Tables.LOAN_DEFAULT;
import static com.ipledge.service.db.Tables.QUOTA_MOVEMENT;
import static com.ipledge.service.db.Tables.REPAYMENT;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The book as it stood at the end of a past business day, read from the dated ledger: disbursements (their quota
 * draws), repayments, defaults and classification moves, each stamped by the service's business clock. A record counts when its business date is on or
 * before the day AND it was recorded before the day ended, so that what was entered later (even back-dated) never
 * changes the figures of a day already closed.
 */
@Singleton
@Connectable
class LedgerRepository {
    /** A loan disbursed by the day: who lent to whom, how much, at what rate, and when it was applied for. */
    record LedgerLoan(UUID loanId, UUID applicationId, UUID bankId, String bankCode, String bankName,
                      String creditCode, String regionCode, BigDecimal principal, BigDecimal annualRate,
                      LocalDate disbursedOn, UUID decisionId, OffsetDateTime appliedAt) {
    }

    private final DSLContext db;

    LedgerRepository(DSLContext db) {
        this.db = db;
    }

    /** Loans disbursed on or before {@code day} whose disbursement was recorded before {@code recordedBefore}. */
    List<LedgerLoan> disbursed(LocalDate day, OffsetDateTime recordedBefore, Optional<UUID> bankScope) {
        // a disbursement draws the loan's quota in its own transaction: the draw's time is when it was recorded
        Condition recorded = DSL.exists(DSL.selectOne().from(QUOTA_MOVEMENT)
                .where(QUOTA_MOVEMENT.LOAN_ID.eq(LOAN.ID).and(QUOTA_MOVEMENT.KIND.eq("DRAW"))
                        .and(QUOTA_MOVEMENT.CREATED_AT.lt(recordedBefore))));
        return db.select(LOAN.ID, LOAN.APPLICATION_ID, LOAN.BANK_ID, BANK.CODE, BANK.NAME, BORROWER.CREDIT_CODE,
                        BORROWER.REGION_CODE, LOAN.PRINCIPAL, LOAN.ANNUAL_RATE, LOAN.DISBURSED_ON, LOAN.DECISION_ID,
                        LOAN_APPLICATION.CREATED_AT)
                .from(LOAN)
                .join(BANK).on(BANK.ID.eq(LOAN.BANK_ID))
                .join(BORROWER).on(BORROWER.ID.eq(LOAN.BORROWER_ID))
                .join(LOAN_APPLICATION).on(LOAN_APPLICATION.ID.eq(LOAN.APPLICATION_ID))
                .where(LOAN.DISBURSED_ON.le(day).and(recorded).and(scoped(LOAN.BANK_ID, bankScope)))
                .orderBy(BANK.CODE, LOAN.DISBURSED_ON, LOAN.ID)
                .fetch(r -> new LedgerLoan(r.get(LOAN.ID), r.get(LOAN.APPLICATION_ID), r.get(LOAN.BANK_ID),
                        r.get(BANK.CODE), r.get(BANK.NAME), r.get(BORROWER.CREDIT_CODE).trim(),
                        r.get(BORROWER.REGION_CODE) == null ? null : r.get(BORROWER.REGION_CODE).trim(),
                        r.get(LOAN.PRINCIPAL), r.get(LOAN.ANNUAL_RATE), r.get(LOAN.DISBURSED_ON),
                        r.get(LOAN.DECISION_ID), r.get(LOAN_APPLICATION.CREATED_AT)));
    }

    /** Principal repaid per loan by {@code day}, of repayments recorded before {@code recordedBefore}. */
    Map<UUID, BigDecimal> principalRepaid(LocalDate day, OffsetDateTime recordedBefore, Optional<UUID> bankScope) {
        Field<BigDecimal> repaid = DSL.sum(REPAYMENT.PRINCIPAL_PART);
        Map<UUID, BigDecimal> out = new HashMap<>();
        db.select(REPAYMENT.LOAN_ID, repaid).from(REPAYMENT).join(LOAN).on(LOAN.ID.eq(REPAYMENT.LOAN_ID))
                .where(REPAYMENT.PAID_ON.le(day).and(REPAYMENT.CREATED_AT.lt(recordedBefore))
                        .and(scoped(LOAN.BANK_ID, bankScope)))
                .groupBy(REPAYMENT.LOAN_ID)
                .forEach(r -> out.put(r.get(REPAYMENT.LOAN_ID), r.get(repaid)));
        return out;
    }

    /** Loans declared defaulted on or before {@code day}, recorded before {@code recordedBefore}. */
    Set<UUID> defaulted(LocalDate day, OffsetDateTime recordedBefore, Optional<UUID> bankScope) {
        return new HashSet<>(db.select(LOAN_DEFAULT.LOAN_ID).from(LOAN_DEFAULT)
                .where(LOAN_DEFAULT.DEFAULTED_ON.le(day).and(LOAN_DEFAULT.CREATED_AT.lt(recordedBefore))
                        .and(scoped(LOAN_DEFAULT.BANK_ID, bankScope)))
                .fetch(LOAN_DEFAULT.LOAN_ID));
    }

    /**
     * Each loan's classification on {@code day}: the category of its last classification move on or before the
     * day recorded before {@code recordedBefore}; a loan without such a move is not in the map (it was NORMAL).
     */
    Map<UUID, String> classifications(LocalDate day, OffsetDateTime recordedBefore, Optional<UUID> bankScope) {
        Field<Integer> latest = DSL.rowNumber().over(DSL.partitionBy(LOAN_CLASSIFICATION_MOVE.LOAN_ID)
                .orderBy(LOAN_CLASSIFICATION_MOVE.ON_DATE.desc(), LOAN_CLASSIFICATION_MOVE.ID.desc())).as("latest");
        var moves = db.select(LOAN_CLASSIFICATION_MOVE.LOAN_ID, LOAN_CLASSIFICATION_MOVE.TO_VALUE, latest)
                .from(LOAN_CLASSIFICATION_MOVE).join(LOAN).on(LOAN.ID.eq(LOAN_CLASSIFICATION_MOVE.LOAN_ID))
                .where(LOAN_CLASSIFICATION_MOVE.KIND.eq("CLASSIFICATION")
                        .and(LOAN_CLASSIFICATION_MOVE.ON_DATE.le(day))
                        .and(LOAN_CLASSIFICATION_MOVE.RECORDED_AT.lt(recordedBefore))
                        .and(scoped(LOAN.BANK_ID, bankScope)))
                .asTable("moves");
        Map<UUID, String> out = new HashMap<>();
        db.select(moves.field(LOAN_CLASSIFICATION_MOVE.LOAN_ID), moves.field(LOAN_CLASSIFICATION_MOVE.TO_VALUE))
                .from(moves).where(moves.field(latest).eq(1))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Each bank's overall NPL ratio as the bureau recorded it for the latest date on or before {@code day}. */
    Map<UUID, BigDecimal> overallNplRatios(LocalDate day) {
        Map<UUID, BigDecimal> out = new HashMap<>();
        db.select(BANK_NPL.BANK_ID, BANK_NPL.OVERALL_NPL_RATIO).distinctOn(BANK_NPL.BANK_ID).from(BANK_NPL)
                .where(BANK_NPL.AS_OF.le(day))
                .orderBy(BANK_NPL.BANK_ID, BANK_NPL.AS_OF.desc())
                .forEach(r -> out.put(r.get(BANK_NPL.BANK_ID), r.get(BANK_NPL.OVERALL_NPL_RATIO)));
        return out;
    }

    private static Condition scoped(Field<UUID> bankColumn, Optional<UUID> bankScope) {
        return bankScope.map(bankColumn::eq).orElse(DSL.trueCondition());
    }
}
