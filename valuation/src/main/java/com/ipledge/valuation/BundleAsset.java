package com.ipledge.valuation;

import java.util.List;

/** One member of a bundle, with its own assumptions and optional market and cost data. */
public record BundleAsset(AssetFacts asset, IncomeAssumptions assumptions, List<MarketComparable> marketComparables,
        CostInputs cost) {
    public BundleAsset {
        marketComparables = Lists.copyOf(marketComparables);
    }

    public static BundleAsset income(AssetFacts asset, IncomeAssumptions assumptions) {
        return new BundleAsset(asset, assumptions, List.of(), null);
    }
}
