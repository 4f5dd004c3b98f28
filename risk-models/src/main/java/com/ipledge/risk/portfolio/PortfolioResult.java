package com.ipledge.risk.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The loss distribution of a portfolio simulation. Amounts are yuan. {@code expectedLoss} is the mean simulated
 * loss; {@code analyticExpectedLoss} is sum(PD x LGD x EAD), which the former estimates. {@code lossQuantiles}
 * and {@code expectedShortfall} map a confidence level as written in the request (e.g. "0.999") to the loss
 * itself (not net of EL): the quantile is the smallest simulated loss L with at least that fraction of scenarios
 * at or below L; the expected shortfall is the mean of the losses from that quantile up.
 * {@code contributions} and {@code herfindahl} are keyed by tag name (bank, industry, region, ipType);
 * HHI is the sum of squared exposure shares, in (0, 1] (x 10,000 for the antitrust convention).
 */
public record PortfolioResult(BigDecimal totalExposure, BigDecimal expectedLoss, BigDecimal analyticExpectedLoss,
                              Map<String, BigDecimal> lossQuantiles, Map<String, BigDecimal> expectedShortfall,
                              Map<String, List<TagContribution>> contributions, Map<String, Double> herfindahl,
                              List<HistogramBin> histogram, String factorModel, int scenarios, long seed,
                              long elapsedMs, String engineVersion) {
}
