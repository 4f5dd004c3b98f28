package com.ipledge.rules.engine;

import com.ipledge.rules.LimitBinding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * approvedLimit = min(requested, lending value, policy maximum, available quota); the first of equal terms binds,
 * in that order. ltv = approvedLimit / total collateral value, null when nothing is valued.
 */
public record LoanLimit(BigDecimal requested, BigDecimal lendingValue, BigDecimal policyMaximum, BigDecimal quota,
                        BigDecimal approvedLimit, LimitBinding binding, BigDecimal totalCollateralValue,
                        BigDecimal ltv) {

    public static LoanLimit of(BigDecimal requested, List<?> bundle, BigDecimal policyMaximum,
                               BigDecimal quota) {
        List<CappedCollateral> assets = Concentration.assets(bundle);
        BigDecimal lending = assets.stream().map(CappedCollateral::getLendingValue)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal total = assets.stream().map(CappedCollateral::getCollateralValue)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        LimitBinding binding = LimitBinding.REQUESTED;
        BigDecimal limit = requested;
        if (lending.compareTo(limit) < 0) {
            binding = LimitBinding.COLLATERAL;
            limit = lending;
        }
        if (policyMaximum.compareTo(limit) < 0) {
            binding = LimitBinding.POLICY_MAXIMUM;
            limit = policyMaximum;
        }
        if (quota.compareTo(limit) < 0) {
            binding = LimitBinding.QUOTA;
            limit = quota;
        }
        limit = limit.setScale(2, RoundingMode.DOWN);
        BigDecimal ltv = total.signum() == 0 ? null : limit.divide(total, 4, RoundingMode.HALF_UP);
        return new LoanLimit(requested, lending, policyMaximum, quota, limit, binding, total, ltv);
    }

    /** The same limit lowered to {@code cap} (a GI's member capacity left), which then binds. */
    public LoanLimit cappedAt(BigDecimal cap, LimitBinding binding) {
        BigDecimal limit = cap.setScale(2, RoundingMode.DOWN);
        BigDecimal ltv = totalCollateralValue.signum() == 0 ? null
                : limit.divide(totalCollateralValue, 4, RoundingMode.HALF_UP);
        return new LoanLimit(requested, lendingValue, policyMaximum, quota, limit, binding, totalCollateralValue, ltv);
    }
}
