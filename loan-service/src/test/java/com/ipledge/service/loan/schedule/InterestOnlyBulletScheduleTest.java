package com.ipledge.service.loan.schedule;

import static com.ipledge.service.loan.schedule.ScheduleAssertions.assertLines;
import static com.ipledge.service.loan.schedule.ScheduleAssertions.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InterestOnlyBulletScheduleTest {

    /*
     * P = 1,234,567.89, 4.35% a year, 6 months, first due 2025-01-31 (month ends clamp: Feb 28, Apr 30, Jun 30).
     * r = 0.003625; monthly interest = 1,234,567.89 x 0.003625 = 4,475.30860125 -> 4,475.31 on every line;
     * line 6 adds the principal: 1,234,567.89 + 4,475.31 = 1,239,043.20.
     * interest total 6 x 4,475.31 = 26,851.86; everything 1,234,567.89 + 26,851.86 = 1,261,419.75.
     */
    @Test
    void interestEveryMonthAndThePrincipalWithTheLastLine() {
        RepaymentSchedule schedule = RepaymentSchedule.of(yuan("1234567.89"), new BigDecimal("0.0435"), 6,
                LocalDate.of(2025, 1, 31), RepaymentType.INTEREST_ONLY_BULLET);

        assertLines(schedule,
                "1 2025-01-31          0.00 4475.31       4475.31",
                "2 2025-02-28          0.00 4475.31       4475.31",
                "3 2025-03-31          0.00 4475.31       4475.31",
                "4 2025-04-30          0.00 4475.31       4475.31",
                "5 2025-05-31          0.00 4475.31       4475.31",
                "6 2025-06-30    1234567.89 4475.31    1239043.20");
        assertEquals(yuan("26851.86"), schedule.totalInterest());
        assertEquals(yuan("1261419.75"), schedule.total());
        assertEquals(yuan("1234567.89"), schedule.openingBalance(6));
    }

    /* r = 0: no interest at all, the whole principal on the last line. */
    @Test
    void zeroRateBulletIsOnlyThePrincipalAtTheEnd() {
        RepaymentSchedule schedule = RepaymentSchedule.fromDisbursement(yuan("500000.00"), BigDecimal.ZERO, 2,
                LocalDate.of(2025, 5, 20), RepaymentType.INTEREST_ONLY_BULLET);

        assertLines(schedule,
                "1 2025-06-20      0.00 0.00      0.00",
                "2 2025-07-20 500000.00 0.00 500000.00");
    }

    /*
     * An exact half fen rounds UP (HALF_UP, not banker's rounding): 25,001.00 x 6% / 12 = 25,001.00 x 0.005
     * = 125.005 -> 125.01 (HALF_EVEN would give 125.00).
     */
    @Test
    void anExactHalfFenOfInterestRoundsUp() {
        RepaymentSchedule schedule = RepaymentSchedule.of(yuan("25001.00"), new BigDecimal("0.06"), 2,
                LocalDate.of(2025, 9, 10), RepaymentType.INTEREST_ONLY_BULLET);

        assertLines(schedule,
                "1 2025-09-10     0.00 125.01   125.01",
                "2 2025-10-10 25001.00 125.01 25126.01");
    }
}
