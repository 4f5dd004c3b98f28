package com.ipledge.rules.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The bundle concentration test: no single asset may supply more than a share of the bundle's lending value. */
public final class Concentration {
    private Concentration() {
    }

    /** The bundle as DRL's {@code collect} hands it over: a raw list of {@link CappedCollateral}. */
    static List<CappedCollateral> assets(List<?> bundle) {
        return bundle.stream().map(CappedCollateral.class::cast).toList();
    }

    public static BigDecimal cappedTotal(List<?> bundle) {
        return assets(bundle).stream().map(CappedCollateral::getCappedValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether the asset's capped value is above {@code maxShare} of the bundle's capped total. */
    public static boolean exceeds(CappedCollateral asset, List<?> bundle, BigDecimal maxShare) {
        return asset.getCappedValue().compareTo(cappedTotal(bundle).multiply(maxShare)) > 0;
    }

    public static boolean anyExceeds(List<?> bundle, BigDecimal maxShare) {
        return assets(bundle).stream().anyMatch(a -> exceeds(a, bundle, maxShare));
    }

    /**
     * Lowers the lending values so that no asset supplies more than {@code maxShare} of the new total: the largest
     * total T with T = sum(min(capped_i, maxShare x T)) ("water-filling": the k largest assets are held at
     * maxShare x T, the rest count in full, so T = rest / (1 - k maxShare)). Where no positive T exists (fewer than
     * 1 / maxShare assets) every lending value becomes 0. Returns the assets it lowered.
     */
    public static List<CappedCollateral> cap(List<?> bundle, BigDecimal maxShare) {
        List<CappedCollateral> sorted = new ArrayList<>(assets(bundle));
        sorted.sort(Comparator.comparing(CappedCollateral::getCappedValue).reversed()
                .thenComparing(CappedCollateral::getAssetId));
        BigDecimal rest = cappedTotal(sorted);
        BigDecimal perAsset = BigDecimal.ZERO;
        int held = 0;
        for (; held <= sorted.size(); held++) {
            BigDecimal free = BigDecimal.ONE.subtract(maxShare.multiply(BigDecimal.valueOf(held)));
            if (free.signum() <= 0) {
                perAsset = BigDecimal.ZERO;
                held = sorted.size();
                break;
            }
            BigDecimal total = rest.divide(free, MathContext.DECIMAL64);
            perAsset = maxShare.multiply(total);
            if (held == sorted.size() || sorted.get(held).getCappedValue().compareTo(perAsset) <= 0) {
                break;
            }
            rest = rest.subtract(sorted.get(held).getCappedValue());
        }
        BigDecimal limit = perAsset.setScale(2, RoundingMode.DOWN);
        List<CappedCollateral> lowered = new ArrayList<>();
        for (int i = 0; i < held; i++) {
            sorted.get(i).lowerLendingValue(limit);
            lowered.add(sorted.get(i));
        }
        return lowered;
    }
}
