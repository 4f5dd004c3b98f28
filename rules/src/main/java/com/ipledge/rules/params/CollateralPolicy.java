package com.ipledge.rules.params;

import com.ipledge.rules.IpType;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Collateral eligibility.
 *
 * @param lifeMarginYears        a right must outlive the loan term by at least this margin (patents), or be renewed
 *                               within it (marks)
 * @param minRemainingLifeYears  due-diligence minimum of remaining life per patent type name (e.g. 8 for
 *                               INVENTION_PATENT, 4 for UTILITY_MODEL); types not listed have none
 */
public record CollateralPolicy(BigDecimal lifeMarginYears, Map<String, BigDecimal> minRemainingLifeYears) {

    /** The due-diligence minimum for {@code type}, zero when none is configured. */
    public BigDecimal minRemainingLife(IpType type) {
        return minRemainingLifeYears.getOrDefault(type.name(), BigDecimal.ZERO);
    }
}
