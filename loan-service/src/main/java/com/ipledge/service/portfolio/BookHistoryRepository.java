package com.ipledge.service.portfolio;

import static com.ipledge.service.db.Tables.ALERT;
import static com.ipledge.service.db.Tables.BORROWER;
import static com.ipledge.service.db.Tables.LOAN;
import static com.ipledge.service.db.Tables.LOAN_CLASSIFICATION_MOVE;
import static com.ipledge.service.db.Tables.REPAYMENT;

import com.ipledge.service.loan.Classification;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The dated records behind the dashboard's drill-down and monthly trends: each loan's borrower and disbursement,
 * every disbursed loan (closed ones too), repayments, classification moves and alerts. Read-only; scoped by the
 * caller's bank (empty = every bank).
 */
@Singleton
@Connectable
class BookHistoryRepository {
    /** What the drill-down shows of a loan beyond its book row. */
    record LoanFacts(String borrowerName, LocalDate disbursedOn, BigDecimal principal) {
    }

    /** A loan ever disbursed, with what the trends filter it by. */
    record DisbursedLoan(UUID loanId, UUID applicationId, UUID bankId, BigDecimal principal, LocalDate disbursedOn,
                         LocalDate closedOn, String industryCode, String ecoIndustry, String regionCode,
                         UUID decisionId, Classification classification) {
    }

    record Repaid(UUID loanId, LocalDate paidOn, BigDecimal principal) {
    }

    /** A move between classifications on a date. */
    record Move(UUID loanId, LocalDate onDate, Classification from, Classification to) {
    }

    record Raised(UUID loanId, OffsetDateTime createdAt, OffsetDateTime resolvedAt) {
    }

    private final DSLContext db;

    BookHistoryRepository(DSLContext db) {
        this.db = db;
    }

    Map<UUID, LoanFacts> facts(Collection<UUID> loanIds) {
        Map<UUID, LoanFacts> facts = new HashMap<>();
        chunks(loanIds, chunk -> db.select(LOAN.ID, BORROWER.NAME, LOAN.DISBURSED_ON, LOAN.PRINCIPAL).from(LOAN)
                .join(BORROWER).on(BORROWER.ID.eq(LOAN.BORROWER_ID)).where(LOAN.ID.in(chunk))
                .forEach(r -> facts.put(r.get(LOAN.ID), new LoanFacts(r.get(BORROWER.NAME),
                        r.get(LOAN.DISBURSED_ON), r.get(LOAN.PRINCIPAL)))));
        return facts;
    }

    /** Open (unresolved) alerts per loan, by severity. */
    Map<UUID, Map<String, Long>> openAlerts(Collection<UUID> loanIds) {
        Map<UUID, Map<String, Long>> open = new HashMap<>();
        Field<Integer> n = DSL.count();
        chunks(loanIds, chunk -> db.select(ALERT.LOAN_ID, ALERT.SEVERITY, n).from(ALERT)
                .where(ALERT.RESOLVED_AT.isNull().and(ALERT.LOAN_ID.in(chunk)))
                .groupBy(ALERT.LOAN_ID, ALERT.SEVERITY)
                .forEach(r -> open.computeIfAbsent(r.get(ALERT.LOAN_ID), k -> new LinkedHashMap<>())
                        .put(r.get(ALERT.SEVERITY), r.get(n).longValue())));
        return open;
    }

    List<DisbursedLoan> disbursed(Optional<UUID> bankScope) {
        return db.select(LOAN.ID, LOAN.APPLICATION_ID, LOAN.BANK_ID, LOAN.PRINCIPAL, LOAN.DISBURSED_ON,
                        LOAN.CLOSED_ON, BORROWER.INDUSTRY_CODE, BORROWER.ECO_INDUSTRY, BORROWER.REGION_CODE,
                        LOAN.DECISION_ID, LOAN.CLASSIFICATION)
                .from(LOAN).join(BORROWER).on(BORROWER.ID.eq(LOAN.BORROWER_ID))
                .where(LOAN.DISBURSED_ON.isNotNull().and(scoped(LOAN.BANK_ID, bankScope)))
                .orderBy(LOAN.ID)
                .fetch(r -> new DisbursedLoan(r.get(LOAN.ID), r.get(LOAN.APPLICATION_ID), r.get(LOAN.BANK_ID),
                        r.get(LOAN.PRINCIPAL), r.get(LOAN.DISBURSED_ON), r.get(LOAN.CLOSED_ON),
                        r.get(BORROWER.INDUSTRY_CODE), r.get(BORROWER.ECO_INDUSTRY),
                        r.get(BORROWER.REGION_CODE) == null ? null : r.get(BORROWER.REGION_CODE).trim(),
                        r.get(LOAN.DECISION_ID), Classification.valueOf(r.get(LOAN.CLASSIFICATION))));
    }

    List<Repaid> repayments(Optional<UUID> bankScope) {
        return db.select(REPAYMENT.LOAN_ID, REPAYMENT.PAID_ON, REPAYMENT.PRINCIPAL_PART).from(REPAYMENT)
                .join(LOAN).on(LOAN.ID.eq(REPAYMENT.LOAN_ID)).where(scoped(LOAN.BANK_ID, bankScope))
                .fetch(r -> new Repaid(r.get(REPAYMENT.LOAN_ID), r.get(REPAYMENT.PAID_ON),
                        r.get(REPAYMENT.PRINCIPAL_PART)));
    }

    /** Classification moves (not delinquency-bucket moves) in the order they were made. */
    List<Move> classificationMoves(Optional<UUID> bankScope) {
        return db.select(LOAN_CLASSIFICATION_MOVE.LOAN_ID, LOAN_CLASSIFICATION_MOVE.ON_DATE,
                        LOAN_CLASSIFICATION_MOVE.FROM_VALUE, LOAN_CLASSIFICATION_MOVE.TO_VALUE)
                .from(LOAN_CLASSIFICATION_MOVE).join(LOAN).on(LOAN.ID.eq(LOAN_CLASSIFICATION_MOVE.LOAN_ID))
                .where(LOAN_CLASSIFICATION_MOVE.KIND.eq("CLASSIFICATION").and(scoped(LOAN.BANK_ID, bankScope)))
                .orderBy(LOAN_CLASSIFICATION_MOVE.ID)
                .fetch(r -> new Move(r.get(LOAN_CLASSIFICATION_MOVE.LOAN_ID), r.get(LOAN_CLASSIFICATION_MOVE.ON_DATE),
                        Classification.valueOf(r.get(LOAN_CLASSIFICATION_MOVE.FROM_VALUE)),
                        Classification.valueOf(r.get(LOAN_CLASSIFICATION_MOVE.TO_VALUE))));
    }

    List<Raised> alerts(Optional<UUID> bankScope) {
        return db.select(ALERT.LOAN_ID, ALERT.CREATED_AT, ALERT.RESOLVED_AT).from(ALERT)
                .where(scoped(ALERT.BANK_ID, bankScope))
                .fetch(r -> new Raised(r.get(ALERT.LOAN_ID), r.get(ALERT.CREATED_AT), r.get(ALERT.RESOLVED_AT)));
    }

    private static void chunks(Collection<UUID> ids, Consumer<List<UUID>> query) {
        List<UUID> all = new ArrayList<>(new HashSet<>(ids));
        for (int from = 0; from < all.size(); from += 1000) {
            query.accept(all.subList(from, Math.min(all.size(), from + 1000)));
        }
    }

    private static Condition scoped(Field<UUID> bankColumn, Optional<UUID> bankScope) {
        return bankScope.map(bankColumn::eq).orElse(DSL.trueCondition());
    }
}
