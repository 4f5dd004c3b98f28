package com.ipledge.service.subsidy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The subsidy arithmetic, in one place. Products are exact, the one division is taken in DECIMAL128, and each
 * amount is rounded once, half-up to the fen. The IP share is rounded DOWN to six decimals so that rounding never
 * subsidises more than the IP share.
 */
final class SubsidyArithmetic {
    static final int RATIO_SCALE = 6;

    private SubsidyArithmetic() {
    }

    /** The rate counted: the loan's rate, at most LPR x (1 + markup). */
    static BigDecimal countedRate(BigDecimal actualRate, BigDecimal lpr, BigDecimal rateCapMarkup) {
        return actualRate.min(lpr.multiply(BigDecimal.ONE.add(rateCapMarkup)));
    }

    /**
     * Interest subsidy before the firm's yearly cap: {@code interest x (counted / actual) x share x ipShare}; the
     * interest paid at the counted rate is the interest paid scaled by counted / actual. Zero at a zero rate.
     */
    static BigDecimal interestSubsidy(BigDecimal interestPaid, BigDecimal actualRate, BigDecimal countedRate,
                                      BigDecimal share, BigDecimal ipShare) {
        if (actualRate.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal numerator = interestPaid.multiply(countedRate).multiply(share).multiply(ipShare);
        return numerator.divide(actualRate, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
    }

    /** Fee subsidy before the firm's yearly cap: {@code fee x share x ipShare}. */
    static BigDecimal feeSubsidy(BigDecimal fee, BigDecimal share, BigDecimal ipShare) {
        return fee.multiply(share).multiply(ipShare).setScale(2, RoundingMode.HALF_UP);
    }

    /** What fits under the cap given what the firm already received this year (never negative). */
    static BigDecimal capped(BigDecimal computed, BigDecimal cap, BigDecimal alreadyReceived) {
        return computed.min(cap.subtract(alreadyReceived).max(BigDecimal.ZERO)).setScale(2);
    }

    /** {@code part / whole}, six decimals, rounded down; zero when there is no collateral value at all. */
    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(RATIO_SCALE);
        }
        return part.divide(whole, RATIO_SCALE, RoundingMode.DOWN);
    }

    static int quarterOf(java.time.LocalDate day) {
        return (day.getMonthValue() - 1) / 3 + 1;
    }
}
