package com.ipledge.risk.portfolio;

import java.math.BigDecimal;

/**
 * One level of a tag (e.g. industry "C39"): its exposure and share, its expected loss (PD x LGD x EAD after
 * stress), and its contribution to the expected shortfall at the highest requested confidence level (the mean
 * of its loss over the tail scenarios; the contributions of all levels add up to that expected shortfall).
 */
public record TagContribution(String level, BigDecimal exposure, double exposureShare, BigDecimal expectedLoss,
                              BigDecimal expectedShortfallContribution) {
}
