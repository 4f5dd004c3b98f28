package com.ipledge.risk.loss;

import com.ipledge.risk.Money;
import com.ipledge.risk.Problems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * LGD from the collateral value distribution: recovery = E[min(EAD, V (1 - haircut) (1 - costs))], discounted
 * over the time to sell; LGD = 1 - recovery / EAD.
 *
 * <p>The expectation integrates the quantile function of V, interpolated linearly between the given quantiles.
 * Below the lowest given quantile the value falls linearly to zero at level 0 (pledged IP can become worthless:
 * a lapsed or invalidated patent), above the highest it stays flat: both are the conservative choice. Because
 * recovery is capped at EAD, a wide distribution gives a higher LGD than its mean alone would.
 */
public final class LgdModel {
    private static final int INTEGRATION_POINTS = 4000;

    private LgdModel() {
    }

    public static LgdResult lgd(LgdInput in) {
        validate(in);
        double ead = in.ead().doubleValue();
        if (ead == 0.0) {
            return new LgdResult(0.0, Money.yuan(0.0), 1.0);
        }
        List<ValueQuantile> q = in.collateralValue() == null ? List.of() : in.collateralValue();
        if (q.isEmpty()) {
            return new LgdResult(1.0, Money.yuan(0.0), 0.0);
        }
        double[] levels = new double[q.size() + 1];
        double[] values = new double[q.size() + 1];
        for (int i = 0; i < q.size(); i++) {
            levels[i + 1] = q.get(i).level();
            values[i + 1] = q.get(i).value().doubleValue();
        }
        double netFactor = (1.0 - in.haircut()) * (1.0 - in.recoveryCostRate());
        double discount = Math.pow(1.0 + in.annualDiscountRate(), -in.monthsToSell() / 12.0);
        double sum = 0.0;
        int seg = 0;
        for (int i = 0; i < INTEGRATION_POINTS; i++) {
            double u = (i + 0.5) / INTEGRATION_POINTS;
            while (seg < levels.length - 1 && levels[seg + 1] < u) {
                seg++;
            }
            double value;
            if (seg == levels.length - 1) {
                value = values[seg];
            } else {
                double w = (u - levels[seg]) / (levels[seg + 1] - levels[seg]);
                value = values[seg] + w * (values[seg + 1] - values[seg]);
            }
            sum += Math.min(ead, value * netFactor);
        }
        double recovery = sum / INTEGRATION_POINTS * discount;
        double rate = Math.min(1.0, recovery / ead);
        return new LgdResult(1.0 - rate, Money.yuan(recovery), rate);
    }

    /** EL = PD x LGD x EAD, in yuan (scale 2, half up). */
    public static BigDecimal expectedLoss(double pd, double lgd, BigDecimal ead) {
        new Problems().unitInterval("pd", pd).unitInterval("lgd", lgd).nonNegativeMoney("ead", ead).throwIfAny();
        return ead.multiply(BigDecimal.valueOf(pd * lgd)).setScale(2, RoundingMode.HALF_UP);
    }

    private static void validate(LgdInput in) {
        Problems problems = new Problems()
                .nonNegativeMoney("ead", in.ead())
                .unitInterval("haircut", in.haircut())
                .unitInterval("recoveryCostRate", in.recoveryCostRate());
        if (!Double.isFinite(in.monthsToSell()) || in.monthsToSell() < 0) {
            problems.add("monthsToSell", "must be a non-negative number, was " + in.monthsToSell());
        }
        if (!Double.isFinite(in.annualDiscountRate()) || in.annualDiscountRate() < 0 || in.annualDiscountRate() > 1) {
            problems.add("annualDiscountRate", "must be between 0 and 1, was " + in.annualDiscountRate());
        }
        List<ValueQuantile> q = in.collateralValue();
        if (q != null) {
            double previousLevel = 0.0;
            double previousValue = 0.0;
            for (int i = 0; i < q.size(); i++) {
                String field = "collateralValue[" + i + "]";
                ValueQuantile point = q.get(i);
                if (point == null) {
                    problems.add(field, "is required");
                    continue;
                }
                if (!(point.level() > previousLevel && point.level() < 1.0)) {
                    problems.add(field + ".level", "levels must increase strictly within (0, 1), was " + point.level());
                }
                problems.nonNegativeMoney(field + ".value", point.value());
                if (point.value() != null && point.value().doubleValue() < previousValue) {
                    problems.add(field + ".value", "quantile values must not decrease");
                }
                previousLevel = point.level();
                previousValue = point.value() == null ? previousValue : point.value().doubleValue();
            }
        }
        problems.throwIfAny();
    }
}
