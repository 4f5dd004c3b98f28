package com.ipledge.service.loan.schedule;

import static com.ipledge.service.loan.schedule.ScheduleAssertions.assertLine;
import static com.ipledge.service.loan.schedule.ScheduleAssertions.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.loan.schedule.RepaymentInputException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Allocation cases on the hand-computed 1,000,000.00 / 12 months / 4.35% schedule of
 * {@link EqualInstalmentsScheduleTest} (disbursed 2025-01-15, due on the 15th; level instalment 85,309.90).
 */
class RepaymentAllocationTest {

    private static final RepaymentSchedule LOAN = RepaymentSchedule.fromDisbursement(yuan("1000000.00"),
            new BigDecimal("0.0435"), 12, LocalDate.of(2025, 1, 15), RepaymentType.EQUAL_INSTALMENTS);
    private static final LocalDate FEB_15 = LocalDate.of(2025, 2, 15);
    private static final LocalDate MAR_01 = LocalDate.of(2025, 3, 1);
    private static final LocalDate MAR_15 = LocalDate.of(2025, 3, 15);

    /** The state after line 1 was paid on time. */
    private static final RepaymentAllocation FIRST_PAID =
            RepaymentAllocation.allocate(LOAN, List.of(), yuan("85309.90"), FEB_15);

    @Test
    void anOnTimeInstalmentPaysThatLinesInterestThenItsPrincipal() {
        RepaymentAllocation a = FIRST_PAID;

        assertEquals(yuan("3625.00"), a.interestPaid());
        assertEquals(yuan("81684.90"), a.principalPaid());
        assertEquals(yuan("0.00"), a.prepaidPrincipal());
        assertEquals(yuan("918315.10"), a.outstandingPrincipal());
        assertFalse(a.fullyRepaid());
        assertEquals(List.of(new LinePayment(1, yuan("81684.90"), yuan("3625.00"))), a.allocations());
        assertSame(LOAN, a.schedule(), "no early repayment: the schedule stands");
        assertEquals(12, a.paid().size());
        assertEquals(new LinePayment(1, yuan("81684.90"), yuan("3625.00")), a.paid().get(0));
        assertEquals(new LinePayment(2, yuan("0.00"), yuan("0.00")), a.paid().get(1));
    }

    /* Nothing paid until 2025-03-20: lines 1 and 2 are due; 85,309.90 x 2 = 170,619.80 settles both, oldest first. */
    @Test
    void aLatePaymentCatchesUpTwoDueLinesOldestFirst() {
        RepaymentAllocation a = RepaymentAllocation.allocate(LOAN, List.of(), yuan("170619.80"),
                LocalDate.of(2025, 3, 20));

        assertEquals(List.of(
                new LinePayment(1, yuan("81684.90"), yuan("3625.00")),
                new LinePayment(2, yuan("81981.01"), yuan("3328.89"))), a.allocations());
        assertEquals(yuan("6953.89"), a.interestPaid());
        assertEquals(yuan("163665.91"), a.principalPaid());
        assertEquals(yuan("836334.09"), a.outstandingPrincipal());
        assertSame(LOAN, a.schedule(), "late lines are settled at their scheduled amounts (no penalty interest)");
    }

    /*
     * 90,000.00 on 2025-03-20 with nothing paid: line 1 takes 3,625.00 + 81,684.90 = 85,309.90; the remaining
     * 4,690.10 goes to line 2's interest 3,328.89 first, then 1,361.21 to its principal.
     */
    @Test
    void aLatePaymentShortOfTwoLinesSettlesTheOlderAndPaysInterestFirstOnTheNewer() {
        RepaymentAllocation a = RepaymentAllocation.allocate(LOAN, List.of(), yuan("90000.00"),
                LocalDate.of(2025, 3, 20));

        assertEquals(List.of(
                new LinePayment(1, yuan("81684.90"), yuan("3625.00")),
                new LinePayment(2, yuan("1361.21"), yuan("3328.89"))), a.allocations());
        assertEquals(yuan("1000000.00").subtract(yuan("81684.90")).subtract(yuan("1361.21")),
                a.outstandingPrincipal());
    }

    /* 1,000.00 on the due date covers part of line 1's 3,625.00 interest only; 84,309.90 the next day finishes it. */
    @Test
    void aPartialPaymentCoveringOnlyInterestLeavesThePrincipalDue() {
        RepaymentAllocation first = RepaymentAllocation.allocate(LOAN, List.of(), yuan("1000.00"), FEB_15);

        assertEquals(List.of(new LinePayment(1, yuan("0.00"), yuan("1000.00"))), first.allocations());
        assertEquals(yuan("1000.00"), first.interestPaid());
        assertEquals(yuan("0.00"), first.principalPaid());
        assertEquals(yuan("1000000.00"), first.outstandingPrincipal());

        RepaymentAllocation rest = RepaymentAllocation.allocate(first.schedule(), first.paid(), yuan("84309.90"),
                FEB_15.plusDays(1));
        assertEquals(List.of(new LinePayment(1, yuan("81684.90"), yuan("2625.00"))), rest.allocations());
        assertEquals(FIRST_PAID.paid(), rest.paid());
    }

    /*
     * After line 1, 100,000.00 on 2025-03-01 (line 2 is due 03-15, so nothing is due): an early repayment.
     * From the last line backwards: line 12's 85,001.76 in full, then 14,998.24 of line 11's 84,694.75 (69,696.51
     * left). Future interest on the new opening balances (old balance - 100,000.00), r = 0.003625:
     *  line  opening       x r              interest   total = principal due + interest
     *   2    818,315.10   2,966.3922375    2,966.39   81,981.01 + 2,966.39 = 84,947.40
     *   3    736,334.09   2,669.21107625   2,669.21   82,278.19 + 2,669.21 = 84,947.40
     *   4    654,055.90   2,370.9526375    2,370.95   84,947.40
     *   5    571,479.45   2,071.61300625   2,071.61   84,947.40
     *   6    488,603.66   1,771.1882675    1,771.19   84,947.40
     *   7    405,427.45   1,469.67450625   1,469.67   84,947.40
     *   8    321,949.72   1,167.067735     1,167.07   84,947.40
     *   9    238,169.39     863.36403875     863.36   84,947.40
     *  10    154,085.35     558.55939375     558.56   84,947.40
     *  11     69,696.51     252.64984875     252.65   69,696.51 + 252.65 = 69,949.16 (the loan now ends here)
     *  12          0.00       0                0.00   settled
     * Each remaining instalment falls by exactly 100,000.00 x 0.003625 = 362.50 (85,309.90 -> 84,947.40).
     * Future interest 16,160.66 instead of 20,093.79 (23,718.79 - 3,625.00): 3,933.13 saved.
     */
    @Test
    void anEarlyPartialRepaymentShortensTheTermFromTheLastLineAndLowersFutureInterest() {
        RepaymentAllocation a = RepaymentAllocation.allocate(FIRST_PAID.schedule(), FIRST_PAID.paid(),
                yuan("100000.00"), MAR_01);

        assertEquals(List.of(
                new LinePayment(12, yuan("85001.76"), yuan("0.00")),
                new LinePayment(11, yuan("14998.24"), yuan("0.00"))), a.allocations());
        assertEquals(yuan("0.00"), a.interestPaid());
        assertEquals(yuan("100000.00"), a.principalPaid());
        assertEquals(yuan("100000.00"), a.prepaidPrincipal());
        assertEquals(yuan("818315.10"), a.outstandingPrincipal());
        assertFalse(a.fullyRepaid());

        RepaymentSchedule s = a.schedule();
        assertLine(s.line(1), " 1 2025-02-15 81684.90 3625.00 85309.90");
        assertLine(s.line(2), " 2 2025-03-15 81981.01 2966.39 84947.40");
        assertLine(s.line(3), " 3 2025-04-15 82278.19 2669.21 84947.40");
        assertLine(s.line(4), " 4 2025-05-15 82576.45 2370.95 84947.40");
        assertLine(s.line(5), " 5 2025-06-15 82875.79 2071.61 84947.40");
        assertLine(s.line(6), " 6 2025-07-15 83176.21 1771.19 84947.40");
        assertLine(s.line(7), " 7 2025-08-15 83477.73 1469.67 84947.40");
        assertLine(s.line(8), " 8 2025-09-15 83780.33 1167.07 84947.40");
        assertLine(s.line(9), " 9 2025-10-15 84084.04  863.36 84947.40");
        assertLine(s.line(10), "10 2025-11-15 84388.84  558.56 84947.40");
        assertLine(s.line(11), "11 2025-12-15 84694.75  252.65 84947.40");
        assertLine(s.line(12), "12 2026-01-15 85001.76    0.00 85001.76");
        assertEquals(new LinePayment(11, yuan("14998.24"), yuan("0.00")), a.paid().get(10));
        assertEquals(new LinePayment(12, yuan("85001.76"), yuan("0.00")), a.paid().get(11));
        assertEquals(yuan("19785.66"), s.totalInterest(), "3,625.00 paid + 16,160.66 to come");
        assertEquals(yuan("1000000.00"), s.totalPrincipal(), "scheduled principal never changes, only what is paid");

        // the next instalment, on its due date, is the reduced one and settles line 2 exactly
        RepaymentAllocation next = RepaymentAllocation.allocate(s, a.paid(), yuan("84947.40"), MAR_15);
        assertEquals(List.of(new LinePayment(2, yuan("81981.01"), yuan("2966.39"))), next.allocations());
        assertEquals(yuan("736334.09"), next.outstandingPrincipal());
        // and the last instalment still due is line 11's remaining 69,696.51 + 252.65
        assertEquals(yuan("69949.16"), s.line(11).total().subtract(a.paid().get(10).total()));
    }

    /* The due instalment and the prepayment in one transfer give the same state as the two separately. */
    @Test
    void aPaymentAboveTheDueInstalmentPrepaysTheRest() {
        RepaymentAllocation a = RepaymentAllocation.allocate(LOAN, List.of(), yuan("185309.90"), FEB_15);
        RepaymentAllocation twoSteps = RepaymentAllocation.allocate(FIRST_PAID.schedule(), FIRST_PAID.paid(),
                yuan("100000.00"), FEB_15);

        assertEquals(yuan("3625.00"), a.interestPaid());
        assertEquals(yuan("181684.90"), a.principalPaid());
        assertEquals(yuan("100000.00"), a.prepaidPrincipal());
        assertEquals(twoSteps.schedule(), a.schedule());
        assertEquals(twoSteps.paid(), a.paid());
        assertEquals(yuan("2966.39"), a.schedule().line(2).interest());
    }

    /* Between due dates nothing is due: the payoff is the principal still outstanding, 918,315.10, and no interest. */
    @Test
    void payingOffExactlyBetweenDueDatesClosesTheScheduleWithoutFutureInterest() {
        BigDecimal payoff = RepaymentAllocation.payoffAmount(FIRST_PAID.schedule(), FIRST_PAID.paid(), MAR_01);
        assertEquals(yuan("918315.10"), payoff);

        RepaymentAllocation a = RepaymentAllocation.allocate(FIRST_PAID.schedule(), FIRST_PAID.paid(), payoff, MAR_01);

        assertTrue(a.fullyRepaid());
        assertEquals(yuan("0.00"), a.outstandingPrincipal());
        assertEquals(yuan("0.00"), a.interestPaid());
        assertEquals(yuan("918315.10"), a.prepaidPrincipal());
        assertEquals(11, a.allocations().size());
        assertEquals(12, a.allocations().get(0).seq());
        assertEquals(2, a.allocations().get(10).seq());
        for (int seq = 2; seq <= 12; seq++) {
            assertEquals(yuan("0.00"), a.schedule().line(seq).interest(), "no future interest on line " + seq);
        }
        assertEquals(yuan("3625.00"), a.schedule().totalInterest());
        assertEquals(yuan("0.00"), RepaymentAllocation.payoffAmount(a.schedule(), a.paid(), MAR_01));

        RepaymentInputException e = assertThrows(RepaymentInputException.class,
                () -> RepaymentAllocation.allocate(a.schedule(), a.paid(), yuan("0.01"), MAR_15));
        assertEquals(List.of(new FieldProblem("amount", "the loan is already fully repaid")), e.problems());
    }

    /* On line 2's due date its interest 3,328.89 is due as well: payoff 918,315.10 + 3,328.89 = 921,643.99. */
    @Test
    void payingOffOnADueDateIncludesThatLinesInterest() {
        BigDecimal payoff = RepaymentAllocation.payoffAmount(FIRST_PAID.schedule(), FIRST_PAID.paid(), MAR_15);
        assertEquals(yuan("921643.99"), payoff);

        RepaymentAllocation a = RepaymentAllocation.allocate(FIRST_PAID.schedule(), FIRST_PAID.paid(), payoff, MAR_15);

        assertTrue(a.fullyRepaid());
        assertEquals(yuan("3328.89"), a.interestPaid());
        assertEquals(yuan("918315.10"), a.principalPaid());
        assertEquals(yuan("836334.09"), a.prepaidPrincipal());
        assertEquals(new LinePayment(2, yuan("81981.01"), yuan("3328.89")), a.allocations().get(0));
        assertEquals(yuan("6953.89"), a.schedule().totalInterest());
    }

    @Test
    void aPaymentAboveEverythingOutstandingIsRejectedNamingTheAmount() {
        RepaymentInputException e = assertThrows(RepaymentInputException.class, () -> RepaymentAllocation
                .allocate(FIRST_PAID.schedule(), FIRST_PAID.paid(), yuan("921644.00"), MAR_15));

        assertEquals(1, e.problems().size());
        assertEquals("amount", e.problems().get(0).field());
        assertEquals("must not exceed 921643.99 yuan, the interest and principal due up to 2025-03-15 plus all"
                + " outstanding principal (921644.00 given)", e.problems().get(0).message());
    }

    @Test
    void zeroNegativeAndThreeDecimalAmountsAndAMissingDateAreRejected() {
        assertEquals(List.of(new FieldProblem("amount", "must be greater than 0")),
                problems(yuan("0.00"), FEB_15));
        assertEquals(List.of(new FieldProblem("amount", "must be greater than 0")),
                problems(yuan("-5.00"), FEB_15));
        assertEquals(List.of(new FieldProblem("amount", "must have at most 2 decimals (yuan and fen)")),
                problems(new BigDecimal("10.001"), FEB_15));
        assertEquals(List.of(new FieldProblem("amount", "is required"), new FieldProblem("paidOn", "is required")),
                problems(null, null));
    }

    @Test
    void anAmountWithTrailingZerosIsAcceptedAsFen() {
        RepaymentAllocation a = RepaymentAllocation.allocate(LOAN, List.of(), new BigDecimal("85309.9000"), FEB_15);

        assertEquals(yuan("85309.90"), a.amount());
        assertEquals(FIRST_PAID.paid(), a.paid());
    }

    /* Line 2's interest is paid on 03-15; a repayment dated 03-01 would have been applied before it. */
    @Test
    void aRepaymentDatedBeforeAnAlreadyPaidInstalmentIsRejected() {
        RepaymentAllocation second = RepaymentAllocation.allocate(FIRST_PAID.schedule(), FIRST_PAID.paid(),
                yuan("85309.90"), MAR_15);

        RepaymentInputException e = assertThrows(RepaymentInputException.class,
                () -> RepaymentAllocation.allocate(second.schedule(), second.paid(), yuan("100.00"), MAR_01));
        assertEquals("paidOn", e.problems().get(0).field());
    }

    @Test
    void corruptStoredStateIsAProgrammingErrorNotABadRequest() {
        List<LinePayment> unknownLine = List.of(new LinePayment(13, yuan("1.00"), yuan("0.00")));
        List<LinePayment> twice = List.of(new LinePayment(1, yuan("1.00"), yuan("0.00")),
                new LinePayment(1, yuan("2.00"), yuan("0.00")));
        List<LinePayment> overpaid = List.of(new LinePayment(1, yuan("0.00"), yuan("3625.01")));

        assertThrows(IllegalArgumentException.class,
                () -> RepaymentAllocation.allocate(LOAN, unknownLine, yuan("1.00"), FEB_15));
        assertThrows(IllegalArgumentException.class,
                () -> RepaymentAllocation.allocate(LOAN, twice, yuan("1.00"), FEB_15));
        assertThrows(IllegalArgumentException.class,
                () -> RepaymentAllocation.allocate(LOAN, overpaid, yuan("1.00"), FEB_15));
    }

    /*
     * Bullet 1,234,567.89 at 4.35% for 6 months from 2025-01-31 (interest 4,475.31 a month, see
     * InterestOnlyBulletScheduleTest). Line 1 paid on time, then 234,567.89 on 2025-02-10 prepays the bullet:
     * 1,000,000.00 stays outstanding, so every later line's interest becomes 1,000,000.00 x 0.003625 = 3,625.00 and
     * line 6 is 1,000,000.00 + 3,625.00 = 1,003,625.00 still to pay.
     */
    @Test
    void anEarlyRepaymentOfABulletLoanReducesTheBulletAndTheMonthlyInterest() {
        RepaymentSchedule bullet = RepaymentSchedule.of(yuan("1234567.89"), new BigDecimal("0.0435"), 6,
                LocalDate.of(2025, 1, 31), RepaymentType.INTEREST_ONLY_BULLET);
        RepaymentAllocation first = RepaymentAllocation.allocate(bullet, List.of(), yuan("4475.31"),
                LocalDate.of(2025, 1, 31));
        assertEquals(List.of(new LinePayment(1, yuan("0.00"), yuan("4475.31"))), first.allocations());

        RepaymentAllocation a = RepaymentAllocation.allocate(first.schedule(), first.paid(), yuan("234567.89"),
                LocalDate.of(2025, 2, 10));

        assertEquals(List.of(new LinePayment(6, yuan("234567.89"), yuan("0.00"))), a.allocations());
        assertEquals(yuan("1000000.00"), a.outstandingPrincipal());
        assertLine(a.schedule().line(1), "1 2025-01-31 0.00 4475.31 4475.31");
        for (int seq = 2; seq <= 5; seq++) {
            assertEquals(yuan("3625.00"), a.schedule().line(seq).interest(), "line " + seq);
        }
        assertLine(a.schedule().line(6), "6 2025-06-30 1234567.89 3625.00 1238192.89");
        assertEquals(yuan("1003625.00"), a.schedule().line(6).total().subtract(a.paid().get(5).total()));
    }

    private static List<FieldProblem> problems(BigDecimal amount, LocalDate paidOn) {
        return assertThrows(RepaymentInputException.class,
                () -> RepaymentAllocation.allocate(LOAN, List.of(), amount, paidOn)).problems();
    }
}
