package com.ipledge.service.loan;

import static com.ipledge.service.db.Tables.LOAN;
import static com.ipledge.service.db.Tables.LOAN_CLASSIFICATION_MOVE;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;

/** The classification columns of {@code loan} and the history of moves. Joins a transaction under way. */
@Singleton
@Connectable
class ClassificationRepository {
    /** What is stored of a loan's classification, with what recomputing it needs. */
    record Stored(UUID loanId, UUID bankId, LoanStatus status, BigDecimal annualRate, Classification classification,
                  Classification floor, Classification bankClassification, String bankReason, int daysPastDue,
                  DelinquencyBucket bucket, LocalDate classifiedOn) {
    }

    /** One move between buckets ({@code BUCKET}) or categories ({@code CLASSIFICATION}). */
    record Move(long id, UUID loanId, LocalDate onDate, String kind, String from, String to, int daysPastDue,
                String reason, String actor, OffsetDateTime recordedAt) {
    }

    private final DSLContext db;

    ClassificationRepository(DSLContext db) {
        this.db = db;
    }

    /** The loans of the book (disbursed, repaying, defaulted), in id order. */
    List<UUID> bookLoanIds() {
        return db.select(LOAN.ID).from(LOAN).where(LOAN.STATUS.in(LoanStatus.BOOK)).orderBy(LOAN.ID)
                .fetch(LOAN.ID);
    }

    /** Locks the loans' rows (in id order, as every job does) and reads them. */
    List<Stored> lock(Collection<UUID> loanIds) {
        return db.select(fields()).from(LOAN).where(LOAN.ID.in(loanIds)).orderBy(LOAN.ID).forUpdate()
                .fetch(ClassificationRepository::toStored);
    }

    Optional<Stored> lock(UUID loanId, Optional<UUID> bankScope) {
        return db.select(fields()).from(LOAN)
                .where(LOAN.ID.eq(loanId).and(bankScope.map(LOAN.BANK_ID::eq).orElse(org.jooq.impl.DSL.trueCondition())))
                .forUpdate().fetchOptional(ClassificationRepository::toStored);
    }

    Map<UUID, Stored> find(Collection<UUID> loanIds) {
        return db.select(fields()).from(LOAN).where(LOAN.ID.in(loanIds))
                .fetch(ClassificationRepository::toStored).stream()
                .collect(Collectors.toMap(Stored::loanId, s -> s));
    }

    void save(UUID loanId, Classification classification, Classification floor, Classification bank,
              String bankReason, Delinquency d, OffsetDateTime now) {
        db.update(LOAN)
                .set(LOAN.CLASSIFICATION, classification.name())
                .set(LOAN.CLASSIFICATION_FLOOR, floor.name())
                .set(LOAN.BANK_CLASSIFICATION, bank == null ? null : bank.name())
                .set(LOAN.BANK_CLASSIFICATION_REASON, bankReason)
                .set(LOAN.DAYS_PAST_DUE, d.daysPastDue())
                .set(LOAN.DELINQUENCY_BUCKET, d.bucket().name())
                .set(LOAN.CLASSIFIED_ON, d.asOf())
                .set(LOAN.UPDATED_AT, now)
                .where(LOAN.ID.eq(loanId))
                .execute();
    }

    void insertMove(UUID loanId, LocalDate on, String kind, String from, String to, int daysPastDue, String reason,
                    String actor, OffsetDateTime now) {
        db.insertInto(LOAN_CLASSIFICATION_MOVE)
                .set(LOAN_CLASSIFICATION_MOVE.LOAN_ID, loanId)
                .set(LOAN_CLASSIFICATION_MOVE.ON_DATE, on)
                .set(LOAN_CLASSIFICATION_MOVE.KIND, kind)
                .set(LOAN_CLASSIFICATION_MOVE.FROM_VALUE, from)
                .set(LOAN_CLASSIFICATION_MOVE.TO_VALUE, to)
                .set(LOAN_CLASSIFICATION_MOVE.DAYS_PAST_DUE, daysPastDue)
                .set(LOAN_CLASSIFICATION_MOVE.REASON, reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .set(LOAN_CLASSIFICATION_MOVE.ACTOR, actor)
                .set(LOAN_CLASSIFICATION_MOVE.RECORDED_AT, now)
                .execute();
    }

    /** The moves of several loans, each oldest first: one query. */
    Map<UUID, List<Move>> moves(Collection<UUID> loanIds) {
        return db.selectFrom(LOAN_CLASSIFICATION_MOVE).where(LOAN_CLASSIFICATION_MOVE.LOAN_ID.in(loanIds))
                .orderBy(LOAN_CLASSIFICATION_MOVE.LOAN_ID, LOAN_CLASSIFICATION_MOVE.ID)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getLoanId(), Collectors.mapping(r -> new Move(r.getId(),
                        r.getLoanId(), r.getOnDate(), r.getKind(), r.getFromValue(), r.getToValue(),
                        r.getDaysPastDue(), r.getReason(), r.getActor(), r.getRecordedAt()), Collectors.toList())));
    }

    private static List<org.jooq.Field<?>> fields() {
        return List.of(LOAN.ID, LOAN.BANK_ID, LOAN.STATUS, LOAN.ANNUAL_RATE, LOAN.CLASSIFICATION,
                LOAN.CLASSIFICATION_FLOOR, LOAN.BANK_CLASSIFICATION, LOAN.BANK_CLASSIFICATION_REASON,
                LOAN.DAYS_PAST_DUE, LOAN.DELINQUENCY_BUCKET, LOAN.CLASSIFIED_ON);
    }

    private static Stored toStored(Record r) {
        String bank = r.get(LOAN.BANK_CLASSIFICATION);
        return new Stored(r.get(LOAN.ID), r.get(LOAN.BANK_ID), LoanStatus.valueOf(r.get(LOAN.STATUS)),
                r.get(LOAN.ANNUAL_RATE), Classification.valueOf(r.get(LOAN.CLASSIFICATION)),
                Classification.valueOf(r.get(LOAN.CLASSIFICATION_FLOOR)),
                bank == null ? null : Classification.valueOf(bank), r.get(LOAN.BANK_CLASSIFICATION_REASON),
                r.get(LOAN.DAYS_PAST_DUE), DelinquencyBucket.valueOf(r.get(LOAN.DELINQUENCY_BUCKET)),
                r.get(LOAN.CLASSIFIED_ON));
    }
}
