package com.ipledge.service.portfolio;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/portfolio/risk}: the caller's live book (DISBURSED, REPAYING; EAD =
 * outstanding principal, PD and LGD from each loan's decision) through the one-factor Gaussian copula Monte
 * Carlo. Money in yuan.
 *
 * <ul>
 *   <li>{@code lossQuantiles} (repeated as {@code var}, API.md's name) and {@code expectedShortfall} map a
 *       confidence level ("0.99", "0.999", plus any requested) to a loss (not net of EL).</li>
 *   <li>{@code contributions} by bank (code), industry (GB/T 4754 section), region (region code) and ipType: the
 *       engine gives each loan one IP type, so a loan counts under the type with the largest share of its
 *       collateral value (see {@link PortfolioSummary}); {@code herfindahl} is the summary's (ipType pro rata).</li>
 *   <li>{@code stress}: the same book, seed and scenarios under each stress of the policy parameters
 *       ({@code portfolioRisk.stresses}; by default PD x2, a 30% collateral haircut (LGD' = 1 - (1 - LGD)(1 - 0.3)),
 *       and PD x3 in the industry section with the largest exposure); {@code correlation} is the policy's too.</li>
 *   <li>{@code scenarios} may be below {@code scenariosRequested} when the book is large: the engine's
 *       loan-scenario budget is shared out ({@code scenariosCapped} true then).</li>
 *   <li>{@code elapsedMs} covers the base run and the stress runs.</li>
 * </ul>
 */
@Introspected
public record PortfolioRiskView(LocalDate asOf, String scope, int loans, BigDecimal totalExposure,
                                BigDecimal expectedLoss, BigDecimal analyticExpectedLoss,
                                Map<String, BigDecimal> lossQuantiles,
                                @JsonProperty("var") Map<String, BigDecimal> valueAtRisk,
                                Map<String, BigDecimal> expectedShortfall, Map<String, List<Contribution>> contributions,
                                Map<String, Double> herfindahl, List<Bin> histogram, List<StressResult> stress,
                                double correlation, String factorModel, int scenariosRequested, int scenarios,
                                boolean scenariosCapped, long seed, List<Double> confidenceLevels, long elapsedMs,
                                String engineVersion) {

    /** One level of a tag: exposure, share, EL, and contribution to the ES at the highest level. */
    @Introspected
    public record Contribution(String level, BigDecimal exposure, double exposureShare, BigDecimal expectedLoss,
                               BigDecimal expectedShortfallContribution) {
    }

    /** Scenarios whose loss fell in [from, to) (the last bin includes its upper edge). */
    @Introspected
    public record Bin(BigDecimal from, BigDecimal to, long count) {
    }

    /** One named stress scenario's loss distribution. */
    @Introspected
    public record StressResult(String name, String descriptionZh, String descriptionEn, double pdMultiplier,
                               double collateralHaircut, String shockedIndustry, double industryPdMultiplier,
                               BigDecimal expectedLoss, BigDecimal analyticExpectedLoss,
                               Map<String, BigDecimal> lossQuantiles, Map<String, BigDecimal> expectedShortfall) {
    }
}
