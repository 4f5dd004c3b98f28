package com.ipledge.risk.capital;

import com.ipledge.risk.EngineInfo;
import com.ipledge.risk.Problems;
import com.ipledge.risk.math.Normal;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Basel II IRB capital requirement K (framework of June 2006, paragraphs 272-273 corporate and SME, 328 residential
 * mortgage, 329 QRRE, 330 other retail), exactly the formulas of DESIGN.md section 5. The 1.06 scaling factor is
 * not applied (it is a calibration on top of K that DESIGN.md does not ask for and Annex 5's table omits).
 */
public final class IrbCapital {
    public static final double PD_FLOOR = 0.0003;
    private static final double G_999 = Normal.inverse(0.999);

    private IrbCapital() {
    }

    public static CapitalResult compute(CapitalInput in) {
        AssetClass assetClass = in.assetClass() == null ? AssetClass.CORPORATE : in.assetClass();
        validate(in, assetClass);
        double pd = Math.max(PD_FLOOR, in.pd());
        double lgd = in.lgd();
        double correlation = correlation(assetClass, pd, in.turnoverEurMillions());
        double maturity = 0.0;
        double maturityAdjustment = 1.0;
        if (assetClass == AssetClass.CORPORATE || assetClass == AssetClass.SME_CORPORATE) {
            // paragraph 320: effective maturity is at least one year and at most five
            maturity = Math.min(5.0, Math.max(1.0, in.maturityYears()));
            double b = Math.pow(0.11852 - 0.05478 * Math.log(pd), 2);
            maturityAdjustment = (1.0 + (maturity - 2.5) * b) / (1.0 - 1.5 * b);
        }
        double conditionalPd = Normal.cdf((Normal.inverse(pd) + Math.sqrt(correlation) * G_999)
                / Math.sqrt(1.0 - correlation));
        // a defaulted exposure (PD = 1) gets K = 0 here: its loss is provided for, not capitalised
        double k = Math.max(0.0, (lgd * conditionalPd - pd * lgd) * maturityAdjustment);
        double riskWeight = 12.5 * k;
        BigDecimal rwa = in.ead().multiply(BigDecimal.valueOf(riskWeight)).setScale(2, RoundingMode.HALF_UP);
        return new CapitalResult(assetClass, pd, maturity, correlation, maturityAdjustment, k, riskWeight, rwa,
                EngineInfo.VERSION);
    }

    /** The asset correlation R of the asset class at a (floored) PD. */
    public static double correlation(AssetClass assetClass, double pd, Double turnoverEurMillions) {
        return switch (assetClass) {
            case CORPORATE -> corporateCorrelation(pd);
            case SME_CORPORATE -> {
                double s = Math.min(50.0, Math.max(5.0, turnoverEurMillions));
                yield corporateCorrelation(pd) - 0.04 * (1.0 - (s - 5.0) / 45.0);
            }
            case RETAIL_MORTGAGE -> 0.15;
            case RETAIL_QRRE -> 0.04;
            case RETAIL_OTHER -> {
                double f = (1.0 - Math.exp(-35.0 * pd)) / (1.0 - Math.exp(-35.0));
                yield 0.03 * f + 0.16 * (1.0 - f);
            }
        };
    }

    private static double corporateCorrelation(double pd) {
        double f = (1.0 - Math.exp(-50.0 * pd)) / (1.0 - Math.exp(-50.0));
        return 0.12 * f + 0.24 * (1.0 - f);
    }

    private static void validate(CapitalInput in, AssetClass assetClass) {
        Problems problems = new Problems()
                .unitInterval("pd", in.pd())
                .unitInterval("lgd", in.lgd())
                .nonNegativeMoney("ead", in.ead());
        boolean corporate = assetClass == AssetClass.CORPORATE || assetClass == AssetClass.SME_CORPORATE;
        if (corporate && (!Double.isFinite(in.maturityYears()) || in.maturityYears() <= 0.0)) {
            problems.add("maturityYears", "must be a positive number of years, was " + in.maturityYears());
        }
        if (assetClass == AssetClass.SME_CORPORATE) {
            Double s = in.turnoverEurMillions();
            if (s == null) {
                problems.add("turnoverEurMillions", "is required for SME_CORPORATE");
            } else if (!Double.isFinite(s) || s < 0.0) {
                problems.add("turnoverEurMillions", "must be a non-negative number, was " + s);
            }
        }
        problems.throwIfAny();
    }
}
