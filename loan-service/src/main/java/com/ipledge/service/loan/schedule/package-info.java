/**
 * Exact repayment-schedule arithmetic for IP-pledge loans: plain Java, BigDecimal yuan with 2 decimals (fen),
 * immutable records, no framework.
 *
 * <ul>
 *   <li>{@link com.ipledge.service.loan.schedule.RepaymentSchedule} generates the monthly schedule of an
 *       {@link com.ipledge.service.loan.schedule.RepaymentType#EQUAL_INSTALMENTS} (等额本息) or
 *       {@link com.ipledge.service.loan.schedule.RepaymentType#INTEREST_ONLY_BULLET} (按月付息到期还本) loan.
 *       r = annual rate / 12 (DECIMAL128); each line's interest is round(opening balance x r, 2, HALF_UP); the last
 *       line takes whatever principal remains, so the lines' principal sums to the loan principal exactly.</li>
 *   <li>{@link com.ipledge.service.loan.schedule.RepaymentAllocation} splits one repayment over the schedule
 *       (due lines oldest first, interest before principal; the rest prepays principal from the last line
 *       backwards and the future lines' interest is recomputed, or, with a
 *       {@link com.ipledge.service.loan.schedule.PrepaymentMode}, the future lines are re-planned over the balance
 *       left: shorter term or lower instalment) and returns the schedule state afterwards.</li>
 * </ul>
 *
 * Penalty interest on overdue lines is out of scope: a late line is settled at its scheduled amounts.
 */
package com.ipledge.service.loan.schedule;
