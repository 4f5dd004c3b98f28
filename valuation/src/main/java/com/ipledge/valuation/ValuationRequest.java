package com.ipledge.valuation;

import java.util.List;

/**
 * One asset to value.
 *
 * @param marketComparables null or empty: no market approach
 * @param cost              null: no cost approach
 * @param weights           null means {@link ReconciliationWeights#DEFAULT}
 * @param paths             Monte Carlo paths, 1..1,000,000; null means 10,000
 * @param seed              null means {@link ValuationEngine#DEFAULT_SEED}
 * @param scoreWeights      the value score's scenario weights; null means {@link ScoreWeights#FINANCE_DEFAULT}
 */
public record ValuationRequest(
        AssetFacts asset,
        IncomeAssumptions assumptions,
        List<MarketComparable> marketComparables,
        CostInputs cost,
        ReconciliationWeights weights,
        Integer paths,
        Long seed,
        ScoreWeights scoreWeights) {

    public ValuationRequest {
        marketComparables = Lists.copyOf(marketComparables);
    }

    /** With the finance scenario's default score weights. */
    public ValuationRequest(AssetFacts asset, IncomeAssumptions assumptions, List<MarketComparable> marketComparables,
                            CostInputs cost, ReconciliationWeights weights, Integer paths, Long seed) {
        this(asset, assumptions, marketComparables, cost, weights, paths, seed, null);
    }

    /** Income approach only, default paths and seed. */
    public static ValuationRequest income(AssetFacts asset, IncomeAssumptions assumptions) {
        return new ValuationRequest(asset, assumptions, List.of(), null, null, null, null);
    }

    public ValuationRequest withPathsAndSeed(Integer newPaths, Long newSeed) {
        return new ValuationRequest(asset, assumptions, marketComparables, cost, weights, newPaths, newSeed,
                scoreWeights);
    }

    public ValuationRequest withScoreWeights(ScoreWeights newWeights) {
        return new ValuationRequest(asset, assumptions, marketComparables, cost, weights, paths, seed, newWeights);
    }
}
