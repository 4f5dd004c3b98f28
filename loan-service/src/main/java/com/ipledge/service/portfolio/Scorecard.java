package com.ipledge.service.portfolio;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer of {@code GET /api/v1/portfolio/scorecard?from=&to=}: the bureau's special assessment of every bank's
 * IP-pledge lending (专项考核激励) over a period, ranked. Figures are the ledger's as at the end of {@code to} (see
 * {@link StatisticsPack}); weights, the small-loan line and the NPL tolerance are policy data
 * ({@code scorecard} and {@code npl} of parameters version {@code parametersVersion}). A bank's caller sees only its
 * own row, ranked among all.
 *
 * <ul>
 *   <li>grantedLoans/grantedAmount: loans disbursed from {@code from} to {@code to} and their principal;
 *       {@code borrowers} the firms among them (by credit code); {@code firstTimeBorrowers} those of them whose
 *       first loan at any bank of the book is one of these (首贷户).</li>
 *   <li>{@code outstanding}: the bank's book at the end of {@code to}; {@code nplRatio} its non-performing
 *       (substandard or worse) share; {@code nplLimit} = the overall NPL ratio the bureau recorded for the bank
 *       (latest on or before {@code to}; taken as 0 when none) + the tolerance.</li>
 *   <li>{@code smallLoanShare}: granted loans of at most {@code smallLoanMaxPrincipal} / granted loans;
 *       {@code averageRate}: principal-weighted mean annual rate of the granted loans.</li>
 *   <li>{@code quotaUse}: (reserved + drawn) / amount of the bank's quota plans of {@code to}'s year, as they stand.</li>
 *   <li>{@code medianDaysToDisburse}: median of days from the application's filing (business date) to disbursement
 *       over the granted loans (the mean of the two middle ones for an even count).</li>
 *   <li>{@code scores} (0-100, two decimals, half-up): grantedAmount, borrowers, firstTimeBorrowers, outstanding,
 *       smallLoanShare and quotaUse as 100 x value / the best bank's value (0 when the best is 0); averageRate and
 *       speed as 100 x (worst - value) / (worst - best) among banks that granted a loan (100 when all are equal, 0
 *       for a bank that granted none); npl 100 when the ratio is within the limit and the bank has a book, else 0.
 *       {@code total} = sum of weight x score, half-up to two decimals. {@code rank}: by total, highest first; equal
 *       totals share a rank (1, 1, 3).</li>
 * </ul>
 */
@Introspected
public record Scorecard(LocalDate from, LocalDate to, String scope, String parametersVersion,
                        BigDecimal smallLoanMaxPrincipal, BigDecimal nplTolerance, Map<String, BigDecimal> weights,
                        List<BankScore> banks) {

    @Introspected
    public record BankScore(int rank, UUID bankId, String bankCode, String bankName, long grantedLoans,
                            BigDecimal grantedAmount, long borrowers, long firstTimeBorrowers, BigDecimal outstanding,
                            long smallLoans, BigDecimal smallLoanShare, BigDecimal averageRate,
                            BigDecimal nonPerformingBalance, BigDecimal nplRatio, BigDecimal overallNplRatio,
                            BigDecimal nplLimit, boolean nplWithinLimit, BigDecimal quotaAmount,
                            BigDecimal quotaUsed, BigDecimal quotaUse, BigDecimal medianDaysToDisburse,
                            Map<String, BigDecimal> scores, BigDecimal total) {
    }
}
