package com.ipledge.valuation;

import java.util.List;

/**
 * Several assets pledged together (e.g. a core invention, its utility models and the product's trademark).
 *
 * @param overlapHaircut     share in [0, 1) taken off the sum of the parts because the assets protect the same
 *                           revenue; null means {@link ValuationEngine#defaultOverlapHaircut(int)}
 * @param correlation        one-factor Gaussian-copula correlation in [0, 0.95] between the assets' draws of each
 *                           uncertain input; null means {@link ValuationEngine#DEFAULT_BUNDLE_CORRELATION}
 * @param collateralQuantile the bundle's conservative quantile; null means 0.10
 */
public record BundleValuationRequest(
        List<BundleAsset> assets,
        Double overlapHaircut,
        Double correlation,
        Double collateralQuantile,
        ReconciliationWeights weights,
        Integer paths,
        Long seed) {
    public BundleValuationRequest {
        assets = assets == null ? null : Lists.copyOf(assets);
    }
}
