package com.ipledge.risk.capital;

import java.math.BigDecimal;

/**
 * The body of {@code POST /risk/capital}. {@code assetClass} null means CORPORATE; {@code turnoverEurMillions} is
 * needed only for SME_CORPORATE (clamped to [5, 50]); {@code maturityYears} is ignored for retail classes.
 */
public record CapitalInput(double pd, double lgd, double maturityYears, BigDecimal ead, AssetClass assetClass,
                           Double turnoverEurMillions) {

    public static CapitalInput corporate(double pd, double lgd, double maturityYears, BigDecimal ead) {
        return new CapitalInput(pd, lgd, maturityYears, ead, AssetClass.CORPORATE, null);
    }
}
