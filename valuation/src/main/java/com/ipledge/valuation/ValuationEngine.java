package com.ipledge.valuation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Values IP assets as loan collateral: income (relief-from-royalty Monte Carlo), market and cost approaches, a
 * documented reconciliation, a value score and a tornado. Stateless and thread-safe; the same request, seed and
 * {@link EngineInfo#VERSION} always give the same result.
 */
public final class ValuationEngine {
    public static final int DEFAULT_PATHS = 10_000;
    public static final int MAX_PATHS = 1_000_000;
    /** Used when a request gives no seed, so that an unseeded request is still reproducible. */
    public static final long DEFAULT_SEED = 20_260_101L;
    public static final double DEFAULT_BUNDLE_CORRELATION = 0.5;
    public static final double MAX_BUNDLE_CORRELATION = 0.95;
    public static final int MAX_BUNDLE_ASSETS = 50;
    /** Bundle simulations keep every member's path values: paths x assets is capped to bound memory (8 bytes each). */
    public static final long MAX_BUNDLE_PATH_VALUES = 5_000_000L;

    public String version() {
        return EngineInfo.VERSION;
    }

    /** Values one asset. */
    public ValuationResult value(ValuationRequest request) {
        Problems problems = new Problems();
        if (request == null) {
            problems.add("", "request is required");
            problems.throwIfAny();
        }
        int paths = paths(request.paths(), problems);
        if (request.scoreWeights() != null) {
            request.scoreWeights().problems("scoreWeights.").forEach(p -> problems.add(p.field(), p.message()));
        }
        PreparedAsset asset = PreparedAsset.prepare("", request.asset(), request.assumptions(),
                request.marketComparables(), request.cost(), request.scoreWeights(), problems);
        ReconciliationWeights weights = weights(request.weights(), asset == null ? List.of() : List.of(asset), problems);
        problems.throwIfAny();
        long seed = request.seed() == null ? DEFAULT_SEED : request.seed();
        double[] values = new double[paths];
        RandomStream random = new RandomStream(seed);
        for (int i = 0; i < paths; i++) {
            // draw order is part of the engine version: growth, royalty, discount, life
            double uGrowth = random.nextOpenUnit();
            double uRoyalty = random.nextOpenUnit();
            double uDiscount = random.nextOpenUnit();
            double uLife = random.nextOpenUnit();
            values[i] = asset.pathValue(uGrowth, uRoyalty, uDiscount, uLife);
        }
        return outcome(asset, values, weights, seed, paths).result();
    }

    /**
     * Values several assets pledged together. One simulation drives all members: for each uncertain input a common
     * standard-normal factor M per path, and member i draws Phi(sqrt(c) M + sqrt(1-c) e_i) as its uniform (a
     * one-factor Gaussian copula: members share their market, so their growth, royalty, discount and life move
     * together; each member's own distribution is unchanged). The bundle's path value is (1 - overlapHaircut) x the
     * sum of the members' path values: assets protecting the same product earn partly the same royalty, so their
     * values are not additive. Bundle reconciled and collateral values are also capped at the sums of the members'
     * (diversification may lift a sum's low quantile above the sum of low quantiles; a bank must not gain collateral
     * by bundling).
     */
    public BundleValuationResult valueBundle(BundleValuationRequest request) {
        Problems problems = new Problems();
        if (request == null) {
            problems.add("", "request is required");
            problems.throwIfAny();
        }
        int paths = paths(request.paths(), problems);
        List<BundleAsset> members = request.assets();
        List<PreparedAsset> prepared = new ArrayList<>();
        if (members == null || members.isEmpty()) {
            problems.add("assets", "must list at least one asset");
        } else if (members.size() > MAX_BUNDLE_ASSETS) {
            problems.add("assets", "must list at most " + MAX_BUNDLE_ASSETS + " assets");
        } else {
            if ((long) paths * members.size() > MAX_BUNDLE_PATH_VALUES) {
                problems.add("paths", "paths x assets must not exceed " + MAX_BUNDLE_PATH_VALUES);
            }
            for (int i = 0; i < members.size(); i++) {
                String prefix = "assets[" + i + "].";
                BundleAsset member = members.get(i);
                if (member == null) {
                    problems.add("assets[" + i + "]", "is required");
                    continue;
                }
                prepared.add(PreparedAsset.prepare(prefix, member.asset(), member.assumptions(),
                        member.marketComparables(), member.cost(), null, problems));
            }
        }
        int count = members == null ? 0 : members.size();
        double haircut = request.overlapHaircut() == null ? defaultOverlapHaircut(count) : request.overlapHaircut();
        if (request.overlapHaircut() != null) {
            problems.checkRange("overlapHaircut", haircut, 0, false, 1, true);
        }
        double correlation = request.correlation() == null ? DEFAULT_BUNDLE_CORRELATION : request.correlation();
        if (request.correlation() != null) {
            problems.checkRange("correlation", correlation, 0, false, MAX_BUNDLE_CORRELATION, false);
        }
        double bundleQuantile = request.collateralQuantile() == null
                ? IncomeAssumptions.DEFAULT_COLLATERAL_QUANTILE : request.collateralQuantile();
        if (request.collateralQuantile() != null) {
            problems.checkRange("collateralQuantile", bundleQuantile, 0, true, 0.5, false);
        }
        ReconciliationWeights weights = weights(request.weights(),
                prepared.stream().filter(p -> p != null).toList(), problems);
        problems.throwIfAny();

        long seed = request.seed() == null ? DEFAULT_SEED : request.seed();
        int n = prepared.size();
        double[][] values = simulateBundle(prepared, paths, seed, correlation);
        double[] bundle = new double[paths];
        double keep = 1 - haircut;
        for (int p = 0; p < paths; p++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[i][p];
            }
            bundle[p] = keep * sum;
        }
        List<ValuationResult> parts = new ArrayList<>();
        double reconciledSum = 0;
        for (int i = 0; i < n; i++) {
            Outcome part = outcome(prepared.get(i), values[i], weights, seed, paths);
            parts.add(part.result());
            reconciledSum += part.reconciledValue();
        }
        BigDecimal sumOfPartsReconciled = parts.stream().map(ValuationResult::reconciledValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sumOfPartsCollateral = parts.stream().map(ValuationResult::collateralValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        DistributionStats income = DistributionStats.of(bundle, bundleQuantile);
        double reconciledDouble = keep * reconciledSum;
        DistributionStats reconciled = income.scaledTo(reconciledDouble);
        BigDecimal reconciledValue = Money.yuan(reconciledDouble).min(sumOfPartsReconciled);
        BigDecimal collateral = Money.yuan(Math.min(reconciled.atCollateral(), reconciledDouble))
                .min(reconciledValue).min(sumOfPartsCollateral);
        return new BundleValuationResult(EngineInfo.VERSION, seed, paths, correlation, haircut, parts,
                income.toMoney(), sumOfPartsReconciled, reconciledValue, reconciled.toMoney(), bundleQuantile,
                sumOfPartsCollateral, collateral);
    }

    /**
     * Default overlap haircut: 5 % per member beyond the first, at most 30 %. A stand-in for an appraiser's
     * judgement of how far the members protect the same revenue; callers who know better pass their own.
     */
    public static double defaultOverlapHaircut(int assets) {
        return Math.min(0.30, 0.05 * Math.max(0, assets - 1));
    }

    private static double[][] simulateBundle(List<PreparedAsset> assets, int paths, long seed, double correlation) {
        int n = assets.size();
        double[][] values = new double[n][paths];
        double loading = Math.sqrt(correlation);
        double own = Math.sqrt(1 - correlation);
        boolean correlated = correlation > 0;
        RandomStream random = new RandomStream(seed);
        for (int p = 0; p < paths; p++) {
            double mGrowth = 0;
            double mRoyalty = 0;
            double mDiscount = 0;
            double mLife = 0;
            if (correlated) {
                mGrowth = StandardNormal.quantile(random.nextOpenUnit());
                mRoyalty = StandardNormal.quantile(random.nextOpenUnit());
                mDiscount = StandardNormal.quantile(random.nextOpenUnit());
                mLife = StandardNormal.quantile(random.nextOpenUnit());
            }
            for (int i = 0; i < n; i++) {
                double uGrowth = correlated ? copula(random, loading, own, mGrowth) : random.nextOpenUnit();
                double uRoyalty = correlated ? copula(random, loading, own, mRoyalty) : random.nextOpenUnit();
                double uDiscount = correlated ? copula(random, loading, own, mDiscount) : random.nextOpenUnit();
                double uLife = correlated ? copula(random, loading, own, mLife) : random.nextOpenUnit();
                values[i][p] = assets.get(i).pathValue(uGrowth, uRoyalty, uDiscount, uLife);
            }
        }
        return values;
    }

    private static double copula(RandomStream random, double loading, double own, double common) {
        return StandardNormal.copulaCdf(loading * common + own * StandardNormal.quantile(random.nextOpenUnit()));
    }

    /** A valuation result with its reconciled value before rounding (bundles sum these). */
    private record Outcome(ValuationResult result, double reconciledValue) {
    }

    private static Outcome outcome(PreparedAsset asset, double[] values, ReconciliationWeights weights,
            long seed, int paths) {
        DistributionStats income = DistributionStats.of(values, asset.collateralQuantile);
        ReconciliationWeights used = renormalised(weights, asset);
        double reconciledValue = used.income() * income.mean()
                + (asset.hasMarket() ? used.market() * asset.marketValue : 0)
                + (asset.hasCost() ? used.cost() * asset.costValue : 0);
        DistributionStats reconciled = income.scaledTo(reconciledValue);
        double collateral = Math.min(reconciled.atCollateral(), reconciledValue);
        return new Outcome(new ValuationResult(EngineInfo.VERSION, seed, paths, income.toMoney(),
                asset.closedFormYuan(), asset.market, asset.cost, used, Money.yuan(reconciledValue),
                reconciled.toMoney(), asset.collateralQuantile, Money.yuan(collateral), asset.valueScore,
                asset.scoreAdjustment, asset.legalLife, asset.sensitivity()), reconciledValue);
    }

    /** Weights of the approaches present, divided by their sum first (so income alone weighs exactly 1). */
    private static ReconciliationWeights renormalised(ReconciliationWeights w, PreparedAsset asset) {
        double market = asset.hasMarket() ? w.market() : 0;
        double cost = asset.hasCost() ? w.cost() : 0;
        double total = w.income() + market + cost;
        return new ReconciliationWeights(w.income() / total, market / total, cost / total);
    }

    private static int paths(Integer requested, Problems problems) {
        if (requested == null) {
            return DEFAULT_PATHS;
        }
        if (requested < 1 || requested > MAX_PATHS) {
            problems.add("paths", "must be between 1 and " + MAX_PATHS);
            return DEFAULT_PATHS;
        }
        return requested;
    }

    private static ReconciliationWeights weights(ReconciliationWeights requested, List<PreparedAsset> assets,
            Problems problems) {
        if (requested == null) {
            return ReconciliationWeights.DEFAULT;
        }
        boolean ok = problems.checkRange("weights.income", requested.income(), 0, false, Double.POSITIVE_INFINITY, true);
        ok &= problems.checkRange("weights.market", requested.market(), 0, false, Double.POSITIVE_INFINITY, true);
        ok &= problems.checkRange("weights.cost", requested.cost(), 0, false, Double.POSITIVE_INFINITY, true);
        if (ok) {
            for (PreparedAsset asset : assets) {
                double total = requested.income() + (asset.hasMarket() ? requested.market() : 0)
                        + (asset.hasCost() ? requested.cost() : 0);
                if (total <= 0) {
                    problems.add("weights", "must give a positive weight to at least one approach with data");
                    break;
                }
            }
        }
        return requested;
    }
}
