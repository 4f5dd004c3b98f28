package com.ipledge.service.loan;

import static com.ipledge.service.db.Tables.APPROVAL;
import static com.ipledge.service.db.Tables.LOAN;
import static com.ipledge.service.db.Tables.REPAYMENT;
import static com.ipledge.service.db.Tables.SCHEDULE_LINE;

import com.ipledge.service.db.tables.records.LoanRecord;
import com.ipledge.service.loan.schedule.LinePayment;
import com.ipledge.service.loan.schedule.RepaymentSchedule;
import com.ipledge.service.loan.schedule.RepaymentType;
import com.ipledge.service.loan.schedule.ScheduleLine;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import com.ipledge.service.database.SyncOrder;
import com.ipledge.service.web.SyncWindow;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Opens a pooled connection per call unless a transaction is under way, which it then joins. */
@Singleton
@Connectable
class LoanRepository {
    /** One approver's vote on an application. */
    public record Approval(UUID approver, boolean approve, String note, OffsetDateTime at) {
    }

    /** One repayment as received, and how it was split. */
    public record Repayment(UUID id, BigDecimal amount, LocalDate paidOn, BigDecimal interestPart,
                            BigDecimal principalPart, OffsetDateTime createdAt) {
    }

    private final DSLContext db;

    public LoanRepository(DSLContext db) {
        this.db = db;
    }

    public void insert(Loan l, OffsetDateTime now) {
        db.insertInto(LOAN)
                .set(LOAN.ID, l.id())
                .set(LOAN.APPLICATION_ID, l.applicationId())
                .set(LOAN.BANK_ID, l.bankId())
                .set(LOAN.BORROWER_ID, l.borrowerId())
                .set(LOAN.DECISION_ID, l.decisionId())
                .set(LOAN.QUOTA_PLAN_ID, l.quotaPlanId())
                .set(LOAN.PRINCIPAL, l.principal())
                .set(LOAN.ANNUAL_RATE, l.annualRate())
                .set(LOAN.TERM_MONTHS, l.termMonths())
                .set(LOAN.REPAYMENT_TYPE, l.repaymentType().name())
                .set(LOAN.STATUS, l.status().name())
                .set(LOAN.APPROVED_AT, l.approvedAt())
                .set(LOAN.EXPIRES_AT, l.expiresAt())
                .set(LOAN.OUTSTANDING_PRINCIPAL, l.outstandingPrincipal())
                .set(LOAN.VERSION, 0)
                .set(LOAN.CREATED_AT, now)
                .set(LOAN.UPDATED_AT, now)
                .execute();
    }

    public Optional<Loan> find(UUID id, Optional<UUID> bankScope) {
        return db.selectFrom(LOAN).where(LOAN.ID.eq(id).and(scoped(bankScope)))
                .fetchOptional().map(LoanRepository::toLoan);
    }

    /** Reads the loan and locks its row until the transaction ends: one state change at a time per loan. */
    public Optional<Loan> lock(UUID id, Optional<UUID> bankScope) {
        return db.selectFrom(LOAN).where(LOAN.ID.eq(id).and(scoped(bankScope))).forUpdate()
                .fetchOptional().map(LoanRepository::toLoan);
    }

    public Optional<Loan> findByApplication(UUID applicationId) {
        return db.selectFrom(LOAN).where(LOAN.APPLICATION_ID.eq(applicationId))
                .fetchOptional().map(LoanRepository::toLoan);
    }

    /** What a list may be filtered by. */
    public record Filter(Optional<UUID> bankScope, Optional<LoanStatus> status, Optional<UUID> borrowerId,
                         Optional<Classification> classification) {
    }

    /** A sync page's loans and the position of its last one (a loan itself does not carry updated_at). */
    public record SyncPage(List<Loan> loans, Optional<SyncWindow.Position> last) {
    }

    public List<Loan> list(Filter filter, int page, int size) {
        return db.selectFrom(LOAN).where(condition(filter))
                .orderBy(LOAN.CREATED_AT.desc(), LOAN.ID).limit(size).offset((long) page * size)
                .fetch(LoanRepository::toLoan);
    }

    /** A sync page: in (updated_at, id) order after the window's position. */
    public SyncPage list(Filter filter, SyncWindow window, int size) {
        List<LoanRecord> rows = db.selectFrom(LOAN)
                .where(condition(filter).and(SyncOrder.condition(window, LOAN.UPDATED_AT, LOAN.ID)))
                .orderBy(SyncOrder.order(LOAN.UPDATED_AT, LOAN.ID)).limit(size)
                .fetch();
        return new SyncPage(rows.stream().map(LoanRepository::toLoan).toList(), rows.isEmpty() ? Optional.empty()
                : Optional.of(new SyncWindow.Position(rows.get(rows.size() - 1).getUpdatedAt(),
                        rows.get(rows.size() - 1).getId())));
    }

    public long count(Filter filter, Optional<SyncWindow> window) {
        return db.fetchCount(LOAN, condition(filter).and(window.map(w -> SyncOrder.since(w, LOAN.UPDATED_AT))
                .orElse(DSL.trueCondition())));
    }

    /** Loans whose approval lapsed before they were drawn. */
    public List<Loan> expiredReservations(OffsetDateTime now, int limit) {
        return db.selectFrom(LOAN)
                .where(LOAN.STATUS.in(LoanStatus.APPROVED.name(), LoanStatus.PLEDGE_REGISTERED.name())
                        .and(LOAN.EXPIRES_AT.lt(now)))
                .orderBy(LOAN.EXPIRES_AT).limit(limit)
                .fetch(LoanRepository::toLoan);
    }

    public void update(Loan l, OffsetDateTime now) {
        int updated = db.update(LOAN)
                .set(LOAN.STATUS, l.status().name())
                .set(LOAN.PLEDGE_REGISTRATION_NO, l.pledgeRegistrationNo())
                .set(LOAN.PLEDGE_REGISTERED_ON, l.pledgeRegisteredOn())
                .set(LOAN.DISBURSED_ON, l.disbursedOn())
                .set(LOAN.OUTSTANDING_PRINCIPAL, l.outstandingPrincipal())
                .set(LOAN.CLOSED_ON, l.closedOn())
                .set(LOAN.VERSION, l.version() + 1)
                .set(LOAN.UPDATED_AT, now)
                .where(LOAN.ID.eq(l.id()).and(LOAN.VERSION.eq(l.version())))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("loan " + l.id() + " changed underneath (version " + l.version() + ")");
        }
    }

    public void insertSchedule(UUID loanId, RepaymentSchedule schedule) {
        var insert = db.insertInto(SCHEDULE_LINE, SCHEDULE_LINE.LOAN_ID, SCHEDULE_LINE.SEQ, SCHEDULE_LINE.DUE_ON,
                SCHEDULE_LINE.PRINCIPAL, SCHEDULE_LINE.INTEREST, SCHEDULE_LINE.PRINCIPAL_PAID,
                SCHEDULE_LINE.INTEREST_PAID);
        for (ScheduleLine line : schedule.lines()) {
            insert = insert.values(loanId, line.seq(), line.dueOn(), line.principal(), line.interest(),
                    BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
        }
        insert.execute();
    }

    /** Replaces the schedule (an early repayment reshapes future lines) and what has been paid on each line. */
    public void replaceSchedule(UUID loanId, RepaymentSchedule schedule, Collection<LinePayment> paid) {
        db.deleteFrom(SCHEDULE_LINE).where(SCHEDULE_LINE.LOAN_ID.eq(loanId)).execute();
        insertSchedule(loanId, schedule);
        for (LinePayment p : paid) {
            db.update(SCHEDULE_LINE)
                    .set(SCHEDULE_LINE.PRINCIPAL_PAID, p.principalPaid())
                    .set(SCHEDULE_LINE.INTEREST_PAID, p.interestPaid())
                    .where(SCHEDULE_LINE.LOAN_ID.eq(loanId).and(SCHEDULE_LINE.SEQ.eq(p.seq())))
                    .execute();
        }
    }

    /** A schedule line with what has been paid on it. */
    public record PaidLine(ScheduleLine line, BigDecimal principalPaid, BigDecimal interestPaid) {
    }

    /** The schedules of several loans, each in order: one query. */
    public Map<UUID, List<PaidLine>> schedules(List<UUID> loanIds) {
        return db.selectFrom(SCHEDULE_LINE).where(SCHEDULE_LINE.LOAN_ID.in(loanIds))
                .orderBy(SCHEDULE_LINE.LOAN_ID, SCHEDULE_LINE.SEQ)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getLoanId(), Collectors.mapping(r -> new PaidLine(
                        new ScheduleLine(r.getSeq(), r.getDueOn(), r.getPrincipal(), r.getInterest()),
                        r.getPrincipalPaid(), r.getInterestPaid()), Collectors.toList())));
    }

    /** The repayments of several loans, each in the order they were paid: one query. */
    public Map<UUID, List<Repayment>> repayments(List<UUID> loanIds) {
        return db.selectFrom(REPAYMENT).where(REPAYMENT.LOAN_ID.in(loanIds))
                .orderBy(REPAYMENT.LOAN_ID, REPAYMENT.PAID_ON, REPAYMENT.CREATED_AT)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getLoanId(), Collectors.mapping(r -> new Repayment(r.getId(),
                        r.getAmount(), r.getPaidOn(), r.getInterestPart(), r.getPrincipalPart(), r.getCreatedAt()),
                        Collectors.toList())));
    }

    public List<ScheduleLine> scheduleLines(UUID loanId) {
        return db.selectFrom(SCHEDULE_LINE).where(SCHEDULE_LINE.LOAN_ID.eq(loanId)).orderBy(SCHEDULE_LINE.SEQ)
                .fetch(r -> new ScheduleLine(r.getSeq(), r.getDueOn(), r.getPrincipal(), r.getInterest()));
    }

    public List<LinePayment> linePayments(UUID loanId) {
        return db.selectFrom(SCHEDULE_LINE).where(SCHEDULE_LINE.LOAN_ID.eq(loanId)).orderBy(SCHEDULE_LINE.SEQ)
                .fetch(r -> new LinePayment(r.getSeq(), r.getPrincipalPaid(), r.getInterestPaid()));
    }

    public void insertRepayment(UUID loanId, Repayment r) {
        db.insertInto(REPAYMENT)
                .set(REPAYMENT.ID, r.id())
                .set(REPAYMENT.LOAN_ID, loanId)
                .set(REPAYMENT.AMOUNT, r.amount())
                .set(REPAYMENT.PAID_ON, r.paidOn())
                .set(REPAYMENT.INTEREST_PART, r.interestPart())
                .set(REPAYMENT.PRINCIPAL_PART, r.principalPart())
                .set(REPAYMENT.CREATED_AT, r.createdAt())
                .execute();
    }

    public List<Repayment> repayments(UUID loanId) {
        return db.selectFrom(REPAYMENT).where(REPAYMENT.LOAN_ID.eq(loanId))
                .orderBy(REPAYMENT.PAID_ON, REPAYMENT.CREATED_AT)
                .fetch(r -> new Repayment(r.getId(), r.getAmount(), r.getPaidOn(), r.getInterestPart(),
                        r.getPrincipalPart(), r.getCreatedAt()));
    }

    /** Records a vote; false when this approver has voted on the application already. */
    public boolean insertApproval(UUID applicationId, Approval a) {
        return db.insertInto(APPROVAL)
                .set(APPROVAL.APPLICATION_ID, applicationId)
                .set(APPROVAL.APPROVER, a.approver())
                .set(APPROVAL.APPROVE, a.approve())
                .set(APPROVAL.NOTE, a.note())
                .set(APPROVAL.CREATED_AT, a.at())
                .onConflictDoNothing()
                .execute() == 1;
    }

    public List<Approval> approvals(UUID applicationId) {
        return db.selectFrom(APPROVAL).where(APPROVAL.APPLICATION_ID.eq(applicationId)).orderBy(APPROVAL.CREATED_AT)
                .fetch(r -> new Approval(r.getApprover(), r.getApprove(), r.getNote(), r.getCreatedAt()));
    }

    private static Condition condition(Filter f) {
        return scoped(f.bankScope()).and(f.status().map(s -> LOAN.STATUS.eq(s.name())).orElse(DSL.trueCondition()))
                .and(f.borrowerId().map(LOAN.BORROWER_ID::eq).orElse(DSL.trueCondition()))
                .and(f.classification().map(c -> LOAN.CLASSIFICATION.eq(c.name())).orElse(DSL.trueCondition()));
    }

    private static Condition scoped(Optional<UUID> bankScope) {
        return bankScope.map(LOAN.BANK_ID::eq).orElse(DSL.trueCondition());
    }

    static Loan toLoan(LoanRecord r) {
        return new Loan(r.getId(), r.getApplicationId(), r.getBankId(), r.getBorrowerId(), r.getDecisionId(),
                r.getQuotaPlanId(), r.getPrincipal(), r.getAnnualRate(), r.getTermMonths(),
                RepaymentType.valueOf(r.getRepaymentType()), LoanStatus.valueOf(r.getStatus()), r.getApprovedAt(),
                r.getExpiresAt(), r.getPledgeRegistrationNo(), r.getPledgeRegisteredOn(), r.getDisbursedOn(),
                r.getOutstandingPrincipal(), r.getClosedOn(), r.getVersion());
    }
}
