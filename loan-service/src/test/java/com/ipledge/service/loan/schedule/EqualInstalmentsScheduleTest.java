package com.ipledge.service.loan.schedule;

import static com.ipledge.service.loan.schedule.ScheduleAssertions.assertLines;
import static com.ipledge.service.loan.schedule.ScheduleAssertions.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EqualInstalmentsScheduleTest {

    /*
     * P = 1,000,000.00, 4.35% a year, 12 months, disbursed 2025-01-15.
     * r = 0.0435 / 12 = 0.003625 (exact).
     * (1 + r)^12 = 1.003625^12 = 1.0443778468709...   (ln 1.003625 = 0.00361845; x 12 = 0.0434214; e^that = 1.044378)
     * (1 + r)^-12 = 0.95750786269175...;   1 - that = 0.04249213730824...
     * payment = 1,000,000 x 0.003625 / 0.04249213730824 = 3,625 / 0.04249213730824 = 85,309.9003... -> 85,309.90
     * (the figure bank calculators quote for 100万, 1 year, 4.35%: 月供 85,309.90, total interest 23,718.79).
     *
     * line  opening balance   balance x r              interest   principal = 85,309.90 - interest   closing
     *  1    1,000,000.00      3,625.000000             3,625.00   81,684.90                          918,315.10
     *  2      918,315.10      3,328.8922375            3,328.89   81,981.01                          836,334.09
     *  3      836,334.09      3,031.71107625           3,031.71   82,278.19                          754,055.90
     *  4      754,055.90      2,733.4526375            2,733.45   82,576.45                          671,479.45
     *  5      671,479.45      2,434.11300625           2,434.11   82,875.79                          588,603.66
     *  6      588,603.66      2,133.6882675            2,133.69   83,176.21                          505,427.45
     *  7      505,427.45      1,832.17450625           1,832.17   83,477.73                          421,949.72
     *  8      421,949.72      1,529.567735             1,529.57   83,780.33                          338,169.39
     *  9      338,169.39      1,225.86403875           1,225.86   84,084.04                          254,085.35
     * 10      254,085.35        921.05939375             921.06   84,388.84                          169,696.51
     * 11      169,696.51        615.14984875             615.15   84,694.75                           85,001.76
     * 12       85,001.76        308.13138                308.13   85,001.76 (the whole balance)            0.00
     * line 12 total = 85,001.76 + 308.13 = 85,309.89 (one fen below the level payment).
     * interest: 3625.00 + 3328.89 + 3031.71 + 2733.45 + 2434.11 + 2133.69 + 1832.17 + 1529.57 + 1225.86 + 921.06
     *           + 615.15 + 308.13 = 23,718.79;  principal 11 x 85,309.90 - (23,718.79 - 308.13) + 85,001.76
     *           = 938,408.90 - 23,410.66 + 85,001.76 = 1,000,000.00.
     */
    @Test
    void oneMillionOverTwelveMonthsAt435MatchesTheHandComputedTable() {
        RepaymentSchedule schedule = RepaymentSchedule.fromDisbursement(yuan("1000000.00"), new BigDecimal("0.0435"),
                12, LocalDate.of(2025, 1, 15), RepaymentType.EQUAL_INSTALMENTS);

        assertEquals(yuan("85309.90"), RepaymentSchedule.levelPayment(yuan("1000000.00"), new BigDecimal("0.0435"), 12));
        assertLines(schedule,
                " 1 2025-02-15 81684.90 3625.00 85309.90",
                " 2 2025-03-15 81981.01 3328.89 85309.90",
                " 3 2025-04-15 82278.19 3031.71 85309.90",
                " 4 2025-05-15 82576.45 2733.45 85309.90",
                " 5 2025-06-15 82875.79 2434.11 85309.90",
                " 6 2025-07-15 83176.21 2133.69 85309.90",
                " 7 2025-08-15 83477.73 1832.17 85309.90",
                " 8 2025-09-15 83780.33 1529.57 85309.90",
                " 9 2025-10-15 84084.04 1225.86 85309.90",
                "10 2025-11-15 84388.84  921.06 85309.90",
                "11 2025-12-15 84694.75  615.15 85309.90",
                "12 2026-01-15 85001.76  308.13 85309.89");
        assertEquals(yuan("1000000.00"), schedule.totalPrincipal());
        assertEquals(yuan("23718.79"), schedule.totalInterest());
        assertEquals(yuan("1023718.79"), schedule.total());
        assertEquals(yuan("85001.76"), schedule.openingBalance(12));
        assertEquals(yuan("1000000.00"), schedule.openingBalance(1));
    }

    /*
     * P = 30,000.00, 6% a year, 3 months, first instalment due 2025-02-15. Entirely by hand:
     * r = 0.06 / 12 = 0.005.
     * (1.005)^2 = 1.010025; (1.005)^3 = 1.010025 x 1.005 = 1.015075125.
     * (1.005)^-3 = 1 / 1.015075125 = 0.98514875931...; 1 - 0.98514875931 = 0.01485124069...
     * P r = 30,000 x 0.005 = 150; payment = 150 / 0.01485124069 = 10,100.16625... -> 10,100.17.
     * check: 10,100.17 x 3 = 30,300.51, i.e. about 300.50 of interest on an average balance of ~20,000 for 3 months.
     * line 1: interest 30,000.00 x 0.005 = 150.00;            principal 10,100.17 - 150.00 = 9,950.17;  balance 20,049.83
     * line 2: interest 20,049.83 x 0.005 = 100.24915 -> 100.25; principal 10,100.17 - 100.25 = 9,999.92; balance 10,049.91
     * line 3: interest 10,049.91 x 0.005 =  50.24955 ->  50.25; principal = the balance 10,049.91; total 10,100.16
     * principal 9,950.17 + 9,999.92 + 10,049.91 = 30,000.00; interest 150.00 + 100.25 + 50.25 = 300.50.
     */
    @Test
    void thirtyThousandOverThreeMonthsAt6PercentMatchesTheHandComputation() {
        RepaymentSchedule schedule = RepaymentSchedule.of(yuan("30000.00"), new BigDecimal("0.06"), 3,
                LocalDate.of(2025, 2, 15), RepaymentType.EQUAL_INSTALMENTS);

        assertLines(schedule,
                "1 2025-02-15  9950.17 150.00 10100.17",
                "2 2025-03-15  9999.92 100.25 10100.17",
                "3 2025-04-15 10049.91  50.25 10100.16");
        assertEquals(yuan("30000.00"), schedule.totalPrincipal());
        assertEquals(yuan("300.50"), schedule.totalInterest());
        assertEquals(new BigDecimal("0.005"), schedule.monthlyRate().stripTrailingZeros());
    }

    /* r = 0: 100,000.00 / 3 = 33,333.333... rounded DOWN to 33,333.33; the last line takes 100,000.00 - 66,666.66. */
    @Test
    void zeroRateSplitsThePrincipalEvenlyWithTheRemainderOnTheLastLine() {
        RepaymentSchedule schedule = RepaymentSchedule.of(yuan("100000.00"), BigDecimal.ZERO, 3,
                LocalDate.of(2025, 3, 1), RepaymentType.EQUAL_INSTALMENTS);

        assertLines(schedule,
                "1 2025-03-01 33333.33 0.00 33333.33",
                "2 2025-04-01 33333.33 0.00 33333.33",
                "3 2025-05-01 33333.34 0.00 33333.34");
    }

    /* 0.05 / 3 = 0.0166... -> 0.01 (DOWN, never HALF_UP, which would give 0.02 + 0.02 + 0.01 > 0.05 on larger n). */
    @Test
    void zeroRateRemainderIsNeverNegativeForTinyAmounts() {
        RepaymentSchedule schedule = RepaymentSchedule.of(yuan("0.05"), BigDecimal.ZERO, 10,
                LocalDate.of(2025, 3, 1), RepaymentType.EQUAL_INSTALMENTS);

        for (int seq = 1; seq <= 9; seq++) {
            assertEquals(yuan("0.00"), schedule.line(seq).principal(), "line " + seq);
        }
        assertEquals(yuan("0.05"), schedule.line(10).principal());
    }

    /* A loan disbursed on the 31st falls due on each month's last day when the month is shorter: plusMonths clamps. */
    @Test
    void dueDatesKeepTheDisbursementDayClampedToTheMonthEnd() {
        RepaymentSchedule schedule = RepaymentSchedule.fromDisbursement(yuan("12000.00"), new BigDecimal("0.0435"), 4,
                LocalDate.of(2024, 1, 31), RepaymentType.EQUAL_INSTALMENTS);

        assertEquals(LocalDate.of(2024, 2, 29), schedule.line(1).dueOn());
        assertEquals(LocalDate.of(2024, 3, 31), schedule.line(2).dueOn());
        assertEquals(LocalDate.of(2024, 4, 30), schedule.line(3).dueOn());
        assertEquals(LocalDate.of(2024, 5, 31), schedule.line(4).dueOn());
    }

    /*
     * A one-month loan is a single line: payment = P r / (1 - 1/(1+r)) = P (1 + r);
     * 50,000.00 at 12%: r = 0.01, interest 500.00, principal 50,000.00, total 50,500.00.
     */
    @Test
    void oneMonthLoanIsASingleLineOfPrincipalPlusOneMonthsInterest() {
        RepaymentSchedule schedule = RepaymentSchedule.of(yuan("50000.00"), new BigDecimal("0.12"), 1,
                LocalDate.of(2025, 6, 30), RepaymentType.EQUAL_INSTALMENTS);

        assertLines(schedule, "1 2025-06-30 50000.00 500.00 50500.00");
    }

    /*
     * 2.76 yuan over 292 months at 10.33%: the level instalment rounds to 0.03 while the first interest is
     * round(2.76 x 0.0086083) = 0.02, so lines repay 0.01 of principal each; accumulated rounding would take the
     * balance below zero before month 292. Each line repays at most the balance, so it stops at exactly zero.
     */
    @Test
    void aTinyLoanWhoseRoundingWouldOverpayStopsAtAZeroBalance() {
        RepaymentSchedule schedule = RepaymentSchedule.of(yuan("2.76"), new BigDecimal("0.1033"), 292,
                LocalDate.of(2025, 1, 10), RepaymentType.EQUAL_INSTALMENTS);

        BigDecimal balance = schedule.principal();
        boolean reachedZeroEarly = false;
        for (ScheduleLine line : schedule.lines()) {
            balance = balance.subtract(line.principal());
            assertTrue(balance.signum() >= 0, "balance after line " + line.seq() + " is " + balance);
            reachedZeroEarly |= balance.signum() == 0 && line.seq() < 292;
        }
        assertTrue(reachedZeroEarly, "this case exercises the cap: the balance reaches zero before the last line");
        assertEquals(yuan("0.00"), schedule.line(292).total());
        assertEquals(yuan("2.76"), schedule.totalPrincipal());
    }
}
