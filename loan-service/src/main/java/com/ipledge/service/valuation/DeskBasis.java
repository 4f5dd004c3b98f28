package com.ipledge.service.valuation;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;

/**
 * What a desk valuation assumed and where it came from: the policy row chosen for the borrower's GB/T 4754 code
 * and the asset's IP type (its {@code industry}: the division, the section or {@code *}), with the row's
 * {@code source} words, and the numbers the engine was given.
 *
 * @param borrowerIndustryCode the borrower's code as registered
 * @param industry             the row that matched: a division (C27), a section (A) or {@code *}
 * @param royaltyLow           the row's royalty range; the engine's royalty is truncated normal with
 *                             mean = (low + high) / 2 and sd = (high - low) / 4
 * @param revenueShare         the share of the borrower's operating revenue attributed to the asset
 * @param baseRevenue          operating revenue x revenueShare
 * @param lifeMin              economic life (min, mode, max) after the cap at the remaining legal life
 * @param parametersVersion    the policy parameters' version the row came from
 */
@Introspected
public record DeskBasis(String borrowerIndustryCode, String industry, String ipType, BigDecimal royaltyLow,
                        BigDecimal royaltyHigh, double royaltyMean, double royaltySd, BigDecimal revenueShare,
                        BigDecimal operatingRevenue, BigDecimal baseRevenue, double lifeMin, double lifeMode,
                        double lifeMax, String source, String parametersVersion) {
}
