package com.ipledge.service.loan;

import com.ipledge.service.loan.schedule.ScheduleLine;
import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A loan as the API shows it: its terms, schedule, repayments, collateral and history. */
@Introspected
public record LoanView(UUID id, UUID applicationId, UUID bankId, UUID borrowerId, UUID decisionId, UUID quotaPlanId,
                       BigDecimal principal, BigDecimal annualRate, int termMonths, String repaymentType,
                       LoanStatus status, List<LoanStatus> allowedNext, OffsetDateTime approvedAt,
                       OffsetDateTime expiresAt, String pledgeRegistrationNo, LocalDate pledgeRegisteredOn,
                       LocalDate disbursedOn, BigDecimal outstandingPrincipal, LocalDate closedOn,
                       List<UUID> collateral, List<Line> schedule, List<LoanRepository.Repayment> repayments,
                       List<HistoryItem> history, Classification classification, LocalDate classifiedOn,
                       Arrears arrears, List<ClassificationMove> classificationHistory, List<PledgeStep> pledge,
                       List<PledgeConsent> pledgeConsents, BigDecimal escrowHeld) {
    /**
     * The loan's arrears as of the business date (null before disbursement and after closure): days past due from
     * the oldest unpaid instalment, its bucket, what is overdue, the penalty interest accrued on overdue principal,
     * and the floor those days set for the classification.
     */
    @Introspected
    public record Arrears(LocalDate asOf, int daysPastDue, DelinquencyBucket delinquencyBucket,
                          BigDecimal overduePrincipal, BigDecimal overdueInterest, BigDecimal penaltyInterest,
                          Classification classificationFloor) {
        static Arrears of(Delinquency d) {
            return d == null ? null : new Arrears(d.asOf(), d.daysPastDue(), d.bucket(), d.overduePrincipal(),
                    d.overdueInterest(), d.penaltyInterest(), d.floor());
        }
    }

    /** A move between delinquency buckets ({@code kind} BUCKET) or categories (CLASSIFICATION), with its reason. */
    @Introspected
    public record ClassificationMove(LocalDate onDate, String kind, String from, String to, int daysPastDue,
                                     String reason, String actor, OffsetDateTime recordedAt) {
    }

    /** A schedule line with what has been paid on it. */
    @Introspected
    public record Line(int seq, LocalDate dueOn, BigDecimal principal, BigDecimal interest, BigDecimal total,
                       BigDecimal principalPaid, BigDecimal interestPaid) {
        static Line of(ScheduleLine l, BigDecimal principalPaid, BigDecimal interestPaid) {
            return new Line(l.seq(), l.dueOn(), l.principal(), l.interest(), l.total(), principalPaid, interestPaid);
        }
    }

    /** One audited event in the loan's life. */
    @Introspected
    public record HistoryItem(long auditSeq, OffsetDateTime at, String action, String actor) {
    }
}
