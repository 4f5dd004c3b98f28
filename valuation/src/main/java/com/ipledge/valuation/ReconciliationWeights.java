package com.ipledge.valuation;

/**
 * Weights by approach. Only the approaches the caller supplied data for take part; their weights are
 * renormalised to sum to 1. Default income 0.6, market 0.3, cost 0.1: income leads because it is the only
 * approach tied to the cash flows that repay the loan; cost says least about what a buyer would pay.
 */
public record ReconciliationWeights(double income, double market, double cost) {
    public static final ReconciliationWeights DEFAULT = new ReconciliationWeights(0.6, 0.3, 0.1);
}
