package com.ipledge.rules.engine;

import com.ipledge.rules.CollateralItem;
import com.ipledge.rules.CollateralLimit;
import com.ipledge.rules.IpType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A valued asset after its LTV cap (inserted by the LIMIT-LTV rules). The lending value starts as the capped value
 * and is lowered only by the concentration cap, which sets it for the whole bundle in one firing.
 */
public final class CappedCollateral {
    private final String assetId;
    private final IpType type;
    private final BigDecimal collateralValue;
    private final String valueGrade;
    private final BigDecimal ltvCap;
    private final BigDecimal cappedValue;
    private BigDecimal lendingValue;

    public CappedCollateral(CollateralItem item, String valueGrade, BigDecimal ltvCap) {
        this.assetId = item.assetId();
        this.type = item.type();
        this.collateralValue = item.collateralValue().setScale(2, RoundingMode.HALF_UP);
        this.valueGrade = valueGrade;
        this.ltvCap = ltvCap;
        this.cappedValue = collateralValue.multiply(ltvCap).setScale(2, RoundingMode.DOWN);
        this.lendingValue = cappedValue;
    }

    public String getAssetId() {
        return assetId;
    }

    public IpType getType() {
        return type;
    }

    public BigDecimal getCollateralValue() {
        return collateralValue;
    }

    public String getValueGrade() {
        return valueGrade;
    }

    public BigDecimal getLtvCap() {
        return ltvCap;
    }

    public BigDecimal getCappedValue() {
        return cappedValue;
    }

    public BigDecimal getLendingValue() {
        return lendingValue;
    }

    void lowerLendingValue(BigDecimal value) {
        this.lendingValue = value.min(cappedValue);
    }

    public CollateralLimit toResult() {
        return new CollateralLimit(assetId, type, collateralValue, valueGrade, ltvCap, cappedValue, lendingValue);
    }
}
