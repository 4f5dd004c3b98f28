package com.ipledge.service.portfolio;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer of {@code GET /api/v1/portfolio/summary}: the caller's book (the bureau: every bank; a bank: its
 * own) on {@code asOf}. Money in yuan (scale 2), shares and rates as decimals (scale 6).
 *
 * <ul>
 *   <li>Exposure is the outstanding principal of live loans (DISBURSED, REPAYING); defaulted loans' outstanding
 *       principal at default is shown beside it, never added to it. Shares and the HHI are of live exposure.</li>
 *   <li>{@code expectedLoss} = sum over live loans of PD x LGD x outstanding, PD and LGD from the loan's decision;
 *       computed exactly and rounded half-up to the fen per row and for the total (so rows may differ from the
 *       total by rounding).</li>
 *   <li>{@code byIndustry}: GB/T 4754 section (the code's letter); {@code byEcoIndustry}: borrower.eco_industry
 *       (UNSPECIFIED when not tagged); {@code byRegion}: borrower.region_code, with the Gansu prefecture it lies
 *       in when it is one of Gansu's.</li>
 *   <li>{@code byIpType}: each loan's exposure is split across its pledged assets pro rata to the collateral
 *       values its decision used (its typed collateral lines, {@code collateralValue}); equally when any of them is
 *       unknown or they add up to zero. The split is exact to the fen (largest remainder), so the rows add up to
 *       the total exposure; a loan counts once in every IP type it has a part in, so {@code loans} there may add
 *       up to more than the number of loans.</li>
 *   <li>{@code herfindahl}: sum of squared live-exposure shares by bank / industry (section) / ecoIndustry /
 *       region / ipType (pro rata), in (0, 1]; 0 for an empty book.</li>
 *   <li>{@code quota}: the plans of the current year (business time zone), one row per bank and segment.</li>
 *   <li>{@code alerts}: open alerts by severity when the {@code alert} table exists ({@code available} false
 *       otherwise).</li>
 *   <li>{@code trends}: loans disbursed per calendar month (by disbursed_on, whatever their status now) over the
 *       last 12 months including the current one, oldest first; the amount is the principal drawn.</li>
 * </ul>
 */
@Introspected
public record PortfolioSummary(LocalDate asOf, String scope, Totals totals, Map<String, Long> loansByStatus,
                               List<ExposureRow> byBank, List<ExposureRow> byIndustry,
                               List<ExposureRow> byEcoIndustry, List<ExposureRow> byRegion,
                               List<ExposureRow> byIpType, Map<String, Double> herfindahl, List<QuotaUse> quota,
                               Alerts alerts, List<MonthTrend> trends) {

    /**
     * The whole book: {@code loans} and {@code outstanding} count every disbursed, repaying and defaulted loan
     * (the balance every view shows); {@code nplRatio} is non-performing (classified substandard or worse) /
     * outstanding, the IP-loan NPL ratio the NPL table shows too. {@code liveLoans}/{@code liveExposure} and
     * {@code defaultedLoans}/{@code defaultedExposure} split the book by status.
     * {@code loansWithoutPdLgd} counts live loans whose decision has no PD or LGD (they add nothing to EL).
     */
    @Introspected
    public record Totals(long liveLoans, BigDecimal liveExposure, long defaultedLoans, BigDecimal defaultedExposure,
                         BigDecimal expectedLoss, BigDecimal expectedLossRate, BigDecimal nplRatio,
                         long loansWithoutPdLgd, long loans, BigDecimal outstanding, long nonPerformingLoans,
                         BigDecimal nonPerformingExposure) {
    }

    /**
     * One level of a dimension: {@code key} is the bank code, section letter, eco-industry name, region code or
     * IP type; {@code id} the bank's id and {@code nameZh} its registered name (bank rows only);
     * {@code prefecture} the Gansu prefecture code, with its name in nameZh / nameEn (region rows, when the code
     * lies in one of Gansu's prefectures).
     */
    @Introspected
    public record ExposureRow(String key, UUID id, String nameZh, String nameEn, String prefecture, long loans,
                              BigDecimal exposure, BigDecimal share, BigDecimal expectedLoss, long defaultedLoans,
                              BigDecimal defaultedExposure) {
    }

    /** A quota plan's use: {@code available} = amount - reserved - drawn; utilisation = (reserved + drawn) / amount. */
    @Introspected
    public record QuotaUse(UUID planId, UUID bankId, String bankCode, String bankName, int year, String segment,
                           BigDecimal amount, BigDecimal reserved, BigDecimal drawn, BigDecimal available,
                           BigDecimal utilisation) {
    }

    @Introspected
    public record Alerts(boolean available, long open, Map<String, Long> openBySeverity) {
    }

    /** {@code month} as YYYY-MM. */
    @Introspected
    public record MonthTrend(String month, long disbursedCount, BigDecimal disbursedAmount) {
    }
}
