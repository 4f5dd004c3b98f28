package com.ipledge.risk.capital;

import java.math.BigDecimal;

/**
 * The answer of {@code POST /risk/capital}. {@code riskWeight} is a decimal (0.9232 means 92.32%) equal to
 * 12.5 K; {@code rwa} = 12.5 K EAD in yuan. {@code pdUsed} is the PD after the 0.0003 floor and
 * {@code maturityUsed} the maturity after the Basel [1, 5] year bounds (0 for retail).
 */
public record CapitalResult(AssetClass assetClass, double pdUsed, double maturityUsed, double correlation,
                            double maturityAdjustment, double capitalRequirement, double riskWeight,
                            BigDecimal rwa, String engineVersion) {
}
