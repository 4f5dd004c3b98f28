package com.ipledge.service.loan;

import com.ipledge.rules.params.ClassificationPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A loan's arrears as of a date, from its schedule and what has been paid on each line. A line is overdue from the
 * day after it fell due until it is paid in full; days past due count from the oldest such line.
 *
 * <p>Overdue (penalty) interest accrues on each line's unpaid principal from its due date at the contract rate x
 * (1 + mark-up), actual days / 360, rounded once to the fen. It is a figure as of the date, recomputed each time
 * (not a stored accrual): the schedule keeps running totals per line, not the dates of partial payments, so a
 * line's unpaid principal counts for its whole overdue time.
 *
 * @param asOf             the date the figures are for
 * @param daysPastDue      days since the oldest unpaid line fell due (0 when nothing is overdue)
 * @param bucket           the reporting band of {@code daysPastDue}
 * @param overduePrincipal principal of lines past due, unpaid
 * @param overdueInterest  interest of lines past due, unpaid
 * @param penaltyInterest  overdue interest accrued on the unpaid principal up to {@code asOf}
 * @param floor            the best classification the days past due allow (substandard at least once defaulted)
 */
public record Delinquency(LocalDate asOf, int daysPastDue, DelinquencyBucket bucket, BigDecimal overduePrincipal,
                          BigDecimal overdueInterest, BigDecimal penaltyInterest, Classification floor) {
    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("360");

    public static Delinquency of(List<LoanRepository.PaidLine> lines, BigDecimal annualRate, boolean defaulted,
                                 LocalDate asOf, ClassificationPolicy policy) {
        int dpd = 0;
        BigDecimal principal = BigDecimal.ZERO.setScale(2);
        BigDecimal interest = BigDecimal.ZERO.setScale(2);
        BigDecimal penalty = BigDecimal.ZERO;
        BigDecimal penaltyRate = annualRate.multiply(BigDecimal.ONE.add(policy.penaltyRateMarkup()));
        for (LoanRepository.PaidLine p : lines) {
            if (!p.line().dueOn().isBefore(asOf)) {
                continue;
            }
            BigDecimal unpaidPrincipal = p.line().principal().subtract(p.principalPaid());
            BigDecimal unpaidInterest = p.line().interest().subtract(p.interestPaid());
            if (unpaidPrincipal.signum() <= 0 && unpaidInterest.signum() <= 0) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(p.line().dueOn(), asOf);
            dpd = (int) Math.max(dpd, days);
            principal = principal.add(unpaidPrincipal.max(BigDecimal.ZERO));
            interest = interest.add(unpaidInterest.max(BigDecimal.ZERO));
            penalty = penalty.add(unpaidPrincipal.max(BigDecimal.ZERO).multiply(penaltyRate)
                    .multiply(BigDecimal.valueOf(days)));
        }
        BigDecimal penaltyInterest = penalty.divide(DAYS_PER_YEAR, 2, RoundingMode.HALF_UP);
        Classification floor = floor(dpd, policy);
        if (defaulted) {
            floor = Classification.worse(floor, Classification.SUBSTANDARD);
        }
        return new Delinquency(asOf, dpd, DelinquencyBucket.of(dpd), principal, interest, penaltyInterest, floor);
    }

    /** The regulator's floor for so many days past due (the thresholds are policy data). */
    public static Classification floor(int daysPastDue, ClassificationPolicy policy) {
        if (daysPastDue > policy.lossAfterDays()) {
            return Classification.LOSS;
        }
        if (daysPastDue > policy.doubtfulAfterDays()) {
            return Classification.DOUBTFUL;
        }
        if (daysPastDue > policy.substandardAfterDays()) {
            return Classification.SUBSTANDARD;
        }
        if (daysPastDue > policy.technicalDelayDays()) {
            return Classification.SPECIAL_MENTION;
        }
        return Classification.NORMAL;
    }
}
