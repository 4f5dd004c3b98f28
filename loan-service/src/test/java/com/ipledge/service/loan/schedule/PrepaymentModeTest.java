package com.ipledge.service.loan.schedule;

import static com.ipledge.service.loan.schedule.ScheduleAssertions.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prepayment as a product choice on the hand-computed 1,000,000.00 / 12 months / 4.35% schedule of
 * {@link EqualInstalmentsScheduleTest} (level instalment 85,309.90, r = 0.0435 / 12 = 0.003625). On 2025-02-15 the
 * borrower pays line 1 (85,309.90: interest 3,625.00, principal 81,684.90; balance 918,315.10) and prepays
 * 300,000.00 with it: the balance left is B = 618,315.10 over the 11 dates 2025-03-15 .. 2026-01-15.
 * Amounts are exact to the fen (tolerance 0.00).
 */
class PrepaymentModeTest {
    private static final BigDecimal RATE = new BigDecimal("0.0435");
    private static final RepaymentSchedule LOAN = RepaymentSchedule.fromDisbursement(yuan("1000000.00"), RATE, 12,
            LocalDate.of(2025, 1, 15), RepaymentType.EQUAL_INSTALMENTS);
    private static final LocalDate FEB_15 = LocalDate.of(2025, 2, 15);
    private static final BigDecimal PAID = yuan("385309.90");
    private static final BigDecimal BALANCE = yuan("618315.10");

    /** round(x, 2, HALF_UP) computed here, apart from the code under test. */
    private static BigDecimal fen(double x) {
        return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP);
    }

    /** The schedule's lines due after {@code day}: the plan still to come. */
    private static List<ScheduleLine> after(RepaymentSchedule s, LocalDate day) {
        return s.lines().stream().filter(l -> l.dueOn().isAfter(day)).toList();
    }

    private static BigDecimal principalOf(List<ScheduleLine> lines) {
        return lines.stream().map(ScheduleLine::principal).reduce(yuan("0.00"), BigDecimal::add);
    }

    /*
     * Annuity by hand: A' = B r / (1 - (1 + r)^-11) = 618,315.10 x 0.003625 / (1 - 1.003625^-11) = 57,440.41;
     * line 1 interest round(618,315.10 x 0.003625) = 2,241.39, principal 55,199.02; the 11th line takes the rest:
     * 57,232.97 + interest 207.47 = 57,440.44.
     */
    @Test
    void reduceInstalmentKeepsElevenLinesAndRelevelsThem() {
        RepaymentAllocation a = RepaymentAllocation.allocate(LOAN, List.of(), PAID, FEB_15,
                PrepaymentMode.REDUCE_INSTALMENT);

        double r = 0.0435 / 12;
        BigDecimal annuity = fen(618315.10 * r / (1 - Math.pow(1 + r, -11)));
        assertEquals(yuan("57440.41"), annuity, "the hand-computed annuity");
        List<ScheduleLine> plan = after(a.schedule(), FEB_15);
        assertEquals(11, plan.size(), "as many lines as before");
        assertEquals(LocalDate.of(2025, 3, 15), plan.get(0).dueOn());
        assertEquals(LocalDate.of(2026, 1, 15), plan.get(10).dueOn(), "the term stays");
        for (ScheduleLine line : plan.subList(0, 10)) {
            assertEquals(annuity, line.total(), "level instalment on line " + line.seq());
        }
        assertEquals(yuan("2241.39"), plan.get(0).interest());
        assertEquals(yuan("55199.02"), plan.get(0).principal());
        assertEquals(yuan("57232.97"), plan.get(10).principal());
        assertEquals(yuan("207.47"), plan.get(10).interest());
        assertTrue(plan.get(0).total().compareTo(yuan("85309.90")) < 0, "the instalment is lower");
        assertEquals(BALANCE, principalOf(plan), "the new plan's principal is the outstanding balance, to the fen");
        assertEquals(BALANCE, a.outstandingPrincipal());
        assertEquals(yuan("300000.00"), a.prepaidPrincipal());
        assertEquals(yuan("3625.00"), a.interestPaid());
        assertEquals(yuan("381684.90"), a.principalPaid());
        assertFalse(a.fullyRepaid());
    }

    /*
     * The instalment 85,309.90 stays: n = -ln(1 - B r / A) / ln(1 + r) = -ln(1 - 2,241.39 / 85,309.90) /
     * ln(1.003625) = 7.36, so 8 lines: seven of 85,309.90 and the last one the rest. By hand, line by line (interest
     * round(balance x r), principal 85,309.90 - interest): 83,068.51 / 83,369.63 / 83,671.85 / 83,975.16 / 84,279.57
     * / 84,585.08 / 84,891.70 (sum 587,841.50), so line 8 repays 618,315.10 - 587,841.50 = 30,473.60 plus interest
     * round(30,473.60 x 0.003625) = 110.47.
     */
    @Test
    void shortenTermKeepsTheInstalmentAndEndsEarlier() {
        RepaymentAllocation a = RepaymentAllocation.allocate(LOAN, List.of(), PAID, FEB_15,
                PrepaymentMode.SHORTEN_TERM);

        double r = 0.0435 / 12;
        int lines = (int) Math.ceil(-Math.log(1 - 618315.10 * r / 85309.90) / Math.log(1 + r));
        assertEquals(8, lines, "the hand-computed number of instalments");
        List<ScheduleLine> plan = after(a.schedule(), FEB_15);
        assertEquals(lines, plan.size(), "the term is shorter: 8 instalments instead of 11");
        assertEquals(LocalDate.of(2025, 10, 15), plan.get(7).dueOn(), "the loan ends in October, not January");
        for (ScheduleLine line : plan.subList(0, 7)) {
            assertEquals(yuan("85309.90"), line.total(), "the instalment stays on line " + line.seq());
        }
        BigDecimal balance = BALANCE;
        for (ScheduleLine line : plan) {
            BigDecimal interest = balance.multiply(new BigDecimal("0.003625")).setScale(2, RoundingMode.HALF_UP);
            assertEquals(interest, line.interest(), "interest on the opening balance, line " + line.seq());
            balance = balance.subtract(line.principal());
        }
        assertEquals(yuan("30473.60"), plan.get(7).principal());
        assertEquals(yuan("110.47"), plan.get(7).interest());
        assertEquals(BALANCE, principalOf(plan), "the new plan's principal is the outstanding balance, to the fen");
        assertEquals(BALANCE, a.outstandingPrincipal());
    }

    @Test
    void thePrepaymentIsASettledLineOnItsValueDateAndTheLoanStillAddsUp() {
        RepaymentAllocation a = RepaymentAllocation.allocate(LOAN, List.of(), PAID, FEB_15,
                PrepaymentMode.SHORTEN_TERM);

        ScheduleLine first = a.schedule().line(1);
        ScheduleLine prepayment = a.schedule().line(2);
        assertEquals(FEB_15, first.dueOn());
        assertEquals(FEB_15, prepayment.dueOn(), "on the day it was paid, beside the instalment of that day");
        assertEquals(yuan("300000.00"), prepayment.principal());
        assertEquals(yuan("0.00"), prepayment.interest());
        assertEquals(new LinePayment(2, yuan("300000.00"), yuan("0.00")), a.paid().get(1));
        assertEquals(yuan("1000000.00"), a.schedule().totalPrincipal(), "all lines still add up to the principal");
        assertEquals(List.of(new LinePayment(1, yuan("81684.90"), yuan("3625.00")),
                new LinePayment(2, yuan("300000.00"), yuan("0.00"))), a.allocations());
        BigDecimal unpaid = yuan("0.00");
        for (int i = 0; i < a.paid().size(); i++) {
            unpaid = unpaid.add(a.schedule().lines().get(i).principal()).subtract(a.paid().get(i).principalPaid());
        }
        assertEquals(BALANCE, unpaid, "principal not yet paid equals the outstanding balance");
    }

    /* Next month the borrower pays the new plan's first line (57,440.41) and the allocation follows the new plan. */
    @Test
    void theNextInstalmentIsPaidAgainstTheNewPlan() {
        RepaymentAllocation first = RepaymentAllocation.allocate(LOAN, List.of(), PAID, FEB_15,
                PrepaymentMode.REDUCE_INSTALMENT);
        RepaymentAllocation next = RepaymentAllocation.allocate(first.schedule(), first.paid(), yuan("57440.41"),
                LocalDate.of(2025, 3, 15));

        assertEquals(yuan("2241.39"), next.interestPaid());
        assertEquals(yuan("55199.02"), next.principalPaid());
        assertEquals(BALANCE.subtract(yuan("55199.02")), next.outstandingPrincipal());
    }

    /* Before the first due date nothing is due: the whole payment is the prepayment, line 1 of the new schedule. */
    @Test
    void aPrepaymentBeforeTheFirstInstalmentReplansAllTwelveLines() {
        LocalDate jan20 = LocalDate.of(2025, 1, 20);
        RepaymentAllocation a = RepaymentAllocation.allocate(LOAN, List.of(), yuan("400000.00"), jan20,
                PrepaymentMode.REDUCE_INSTALMENT);

        double r = 0.0435 / 12;
        BigDecimal annuity = fen(600000.00 * r / (1 - Math.pow(1 + r, -12)));
        assertEquals(13, a.schedule().termMonths(), "the prepayment line and twelve instalments");
        assertEquals(jan20, a.schedule().line(1).dueOn());
        assertEquals(annuity, a.schedule().line(2).total());
        assertEquals(yuan("600000.00"), principalOf(after(a.schedule(), jan20)));
        assertEquals(yuan("0.00"), a.interestPaid());
    }

    @Test
    void aPrepaymentThatPaysTheLoanOffSettlesEveryLineWhateverTheMode() {
        BigDecimal payoff = RepaymentAllocation.payoffAmount(LOAN, List.of(), FEB_15);
        RepaymentAllocation a = RepaymentAllocation.allocate(LOAN, List.of(), payoff, FEB_15,
                PrepaymentMode.REDUCE_INSTALMENT);

        assertTrue(a.fullyRepaid());
        assertEquals(yuan("0.00"), a.outstandingPrincipal());
    }

    /*
     * Interest-only 600,000.00 / 12 / 4.35%: interest round(600,000 x 0.003625) = 2,175.00 a month. Prepaying
     * 200,000.00 on 2025-01-20 lowers it to round(400,000 x 0.003625) = 1,450.00; the bullet is 400,000.00.
     */
    @Test
    void anInterestOnlyLoanPaysInterestOnTheLowerBalanceAndCannotShortenItsTerm() {
        RepaymentSchedule bullet = RepaymentSchedule.fromDisbursement(yuan("600000.00"), RATE, 12,
                LocalDate.of(2025, 1, 15), RepaymentType.INTEREST_ONLY_BULLET);
        LocalDate jan20 = LocalDate.of(2025, 1, 20);
        RepaymentAllocation a = RepaymentAllocation.allocate(bullet, List.of(), yuan("200000.00"), jan20,
                PrepaymentMode.REDUCE_INSTALMENT);

        List<ScheduleLine> plan = after(a.schedule(), jan20);
        assertEquals(12, plan.size());
        assertEquals(yuan("1450.00"), plan.get(0).interest());
        assertEquals(yuan("0.00"), plan.get(0).principal());
        assertEquals(yuan("400000.00"), plan.get(11).principal());
        assertEquals(yuan("400000.00"), principalOf(plan));

        RepaymentInputException e = assertThrows(RepaymentInputException.class, () -> RepaymentAllocation.allocate(
                bullet, List.of(), yuan("200000.00"), jan20, PrepaymentMode.SHORTEN_TERM));
        assertEquals("prepaymentMode", e.problems().get(0).field());
    }
}
