package com.ipledge.service.portfolio;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/portfolio/statistics?asOf=}: the figures the financial regulator and CNIPA ask
 * for, as the book stood at the end of {@code asOf} (business time zone), rebuilt from the ledger: a disbursement
 * (its quota draw), repayment, default or classification move counts when its date is on or before {@code asOf}
 * and it was recorded (by the service's business clock; each is audited too) before that day ended, so the pack of
 * a closed day never changes, even by back-dated entries. Money in yuan (scale 2), ratios as decimals (scale 6).
 *
 * <ul>
 *   <li>granted*: loans disbursed from 1 January of {@code year} to {@code asOf}; {@code grantedAmount} their
 *       principal; firms are counted by unified social credit code, once however many loans or banks.</li>
 *   <li>outstanding*: loans in the book on the day (live with principal outstanding, or defaulted), their principal
 *       outstanding (principal less principal repaid by then).</li>
 *   <li>nonPerforming*: loans of the book classified substandard or worse on the day (the one NPL definition);
 *       {@code nplRatio} = nonPerformingBalance / outstandingBalance (0 with no book).</li>
 *   <li>{@code byIpType}: amounts split across a loan's IP types pro rata to the collateral values its decision
 *       used, as the portfolio summary splits them (exact to the fen); a loan and its firm count in every type it has
 *       a part in. {@code byRegion}: the borrower's Gansu prefecture (its region code elsewhere).</li>
 * </ul>
 */
@Introspected
public record StatisticsPack(LocalDate asOf, int year, String scope, Row totals, List<Row> byIpType,
                             List<Row> byBank, List<Row> byRegion) {

    /** One level (or the whole book, key ALL): {@code nameZh}/{@code nameEn} as the summary names the level. */
    @Introspected
    public record Row(String key, String nameZh, String nameEn, long grantedLoans, BigDecimal grantedAmount,
                      long grantedFirms, long outstandingLoans, BigDecimal outstandingBalance, long outstandingFirms,
                      long nonPerformingLoans, BigDecimal nonPerformingBalance, BigDecimal nplRatio) {
    }
}
