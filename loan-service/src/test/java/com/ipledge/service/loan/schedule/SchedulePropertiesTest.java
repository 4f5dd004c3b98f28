package com.ipledge.service.loan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

/** Invariants for P in [10,000.00, 100,000,000.00], n in 1..60, annual rate in [0, 0.24]. */
class SchedulePropertiesTest {

    private static final LocalDate DISBURSED = LocalDate.of(2025, 1, 31);

    @Property(tries = 300)
    void equalInstalmentsRepayExactlyThePrincipalWithLevelLines(
            @ForAll @LongRange(min = 1_000_000L, max = 10_000_000_000L) long principalFen,
            @ForAll @IntRange(min = 1, max = 60) int months,
            @ForAll @BigRange(min = "0", max = "0.24") @Scale(6) BigDecimal annualRate) {
        BigDecimal principal = BigDecimal.valueOf(principalFen, 2);
        RepaymentSchedule schedule = RepaymentSchedule.fromDisbursement(principal, annualRate, months, DISBURSED,
                RepaymentType.EQUAL_INSTALMENTS);

        assertWellFormed(schedule, principal, months);
        BigDecimal payment = RepaymentSchedule.levelPayment(principal, annualRate, months);
        List<ScheduleLine> lines = schedule.lines();
        for (ScheduleLine line : lines.subList(0, months - 1)) {
            assertEquals(payment, line.total(), "line " + line.seq() + " is the level instalment");
        }
        // The instalment and each month's interest are rounded by at most half a fen each; the error in the balance
        // compounds at (1 + r), so the last line differs from the instalment by at most 0.01 x sum_{j<n} (1+r)^j:
        // 0.12 yuan for 12 months at 4.35%, about 0.8 yuan for 60 months at 24%.
        double r = annualRate.doubleValue() / 12;
        double bound = r == 0 ? 0.01 * months : 0.01 * (Math.pow(1 + r, months) - 1) / r;
        BigDecimal lastDeviation = lines.get(months - 1).total().subtract(payment).abs();
        assertTrue(lastDeviation.doubleValue() <= bound + 1e-9,
                "last line deviates " + lastDeviation + " from " + payment + ", bound " + bound);
        // Each line's interest is one month on its opening balance.
        BigDecimal balance = principal;
        for (ScheduleLine line : lines) {
            assertEquals(schedule.interestOn(balance), line.interest(), "interest of line " + line.seq());
            balance = balance.subtract(line.principal());
        }
    }

    @Property(tries = 150)
    void bulletLoansChargeTheSameInterestEveryMonthAndRepayAtTheEnd(
            @ForAll @LongRange(min = 1_000_000L, max = 10_000_000_000L) long principalFen,
            @ForAll @IntRange(min = 1, max = 60) int months,
            @ForAll @BigRange(min = "0", max = "0.24") @Scale(6) BigDecimal annualRate) {
        BigDecimal principal = BigDecimal.valueOf(principalFen, 2);
        RepaymentSchedule schedule = RepaymentSchedule.fromDisbursement(principal, annualRate, months, DISBURSED,
                RepaymentType.INTEREST_ONLY_BULLET);

        assertWellFormed(schedule, principal, months);
        BigDecimal monthly = schedule.interestOn(principal);
        for (ScheduleLine line : schedule.lines()) {
            assertEquals(monthly, line.interest());
        }
        assertEquals(principal, schedule.line(months).principal());
    }

    @Property(tries = 150)
    void payingEveryInstalmentOnItsDueDateRepaysTheLoanOnTheLastOne(
            @ForAll @LongRange(min = 1_000_000L, max = 10_000_000_000L) long principalFen,
            @ForAll @IntRange(min = 1, max = 60) int months,
            @ForAll @BigRange(min = "0", max = "0.24") @Scale(6) BigDecimal annualRate,
            @ForAll boolean bullet) {
        RepaymentSchedule schedule = RepaymentSchedule.fromDisbursement(BigDecimal.valueOf(principalFen, 2),
                annualRate, months, DISBURSED,
                bullet ? RepaymentType.INTEREST_ONLY_BULLET : RepaymentType.EQUAL_INSTALMENTS);

        List<LinePayment> paid = List.of();
        for (ScheduleLine line : schedule.lines()) {
            if (line.total().signum() == 0) {
                continue;
            }
            RepaymentAllocation a = RepaymentAllocation.allocate(schedule, paid, line.total(), line.dueOn());
            assertEquals(List.of(new LinePayment(line.seq(), line.principal(), line.interest())), a.allocations());
            assertEquals(line.seq() == months, a.fullyRepaid());
            assertEquals(schedule, a.schedule());
            paid = a.paid();
        }
    }

    /*
     * A prepayment of a random share of the payoff on a random day: the amount splits exactly into interest and
     * principal, no future line's instalment grows, the principal accounts balance, and paying the payoff afterwards
     * closes the loan.
     */
    @Property(tries = 250)
    void anEarlyRepaymentNeverRaisesAFutureInstalmentAndThePayoffClosesTheLoan(
            @ForAll @LongRange(min = 1_000_000L, max = 10_000_000_000L) long principalFen,
            @ForAll @IntRange(min = 1, max = 60) int months,
            @ForAll @BigRange(min = "0", max = "0.24") @Scale(6) BigDecimal annualRate,
            @ForAll boolean bullet,
            @ForAll @IntRange(min = 0, max = 1900) int daysAfterDisbursement,
            @ForAll @IntRange(min = 1, max = 1000) int permille) {
        RepaymentSchedule schedule = RepaymentSchedule.fromDisbursement(BigDecimal.valueOf(principalFen, 2),
                annualRate, months, DISBURSED,
                bullet ? RepaymentType.INTEREST_ONLY_BULLET : RepaymentType.EQUAL_INSTALMENTS);
        LocalDate paidOn = DISBURSED.plusDays(daysAfterDisbursement);
        BigDecimal payoff = RepaymentAllocation.payoffAmount(schedule, List.of(), paidOn);
        BigDecimal amount = payoff.multiply(BigDecimal.valueOf(permille)).movePointLeft(3)
                .setScale(2, RoundingMode.DOWN).max(new BigDecimal("0.01"));

        RepaymentAllocation a = RepaymentAllocation.allocate(schedule, List.of(), amount, paidOn);

        assertEquals(amount, a.interestPaid().add(a.principalPaid()));
        assertEquals(schedule.principal(), a.outstandingPrincipal().add(a.principalPaid()));
        assertEquals(a.principalPaid(), a.paid().stream().map(LinePayment::principalPaid)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(a.interestPaid(), a.paid().stream().map(LinePayment::interestPaid)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        for (ScheduleLine line : a.schedule().lines()) {
            ScheduleLine before = schedule.line(line.seq());
            assertTrue(line.interest().compareTo(before.interest()) <= 0, "interest of line " + line.seq() + " rose");
            assertEquals(before.principal(), line.principal());
        }
        assertEquals(amount.compareTo(payoff) == 0, a.fullyRepaid());

        BigDecimal rest = RepaymentAllocation.payoffAmount(a.schedule(), a.paid(), paidOn);
        assertEquals(payoff.subtract(amount), rest);
        if (rest.signum() > 0) {
            RepaymentAllocation closing = RepaymentAllocation.allocate(a.schedule(), a.paid(), rest, paidOn);
            assertTrue(closing.fullyRepaid());
            assertEquals(new BigDecimal("0.00"), closing.outstandingPrincipal());
        } else {
            assertTrue(a.fullyRepaid());
        }
    }

    private static void assertWellFormed(RepaymentSchedule schedule, BigDecimal principal, int months) {
        assertEquals(months, schedule.termMonths());
        assertEquals(principal, schedule.totalPrincipal());
        BigDecimal balance = principal;
        for (ScheduleLine line : schedule.lines()) {
            for (BigDecimal amount : List.of(line.principal(), line.interest(), line.total())) {
                assertEquals(2, amount.scale(), "scale of line " + line.seq());
                assertTrue(amount.signum() >= 0, "negative amount on line " + line.seq());
            }
            balance = balance.subtract(line.principal());
            assertTrue(balance.signum() >= 0, "balance after line " + line.seq() + " is " + balance);
        }
        assertEquals(0, balance.signum());
    }
}
