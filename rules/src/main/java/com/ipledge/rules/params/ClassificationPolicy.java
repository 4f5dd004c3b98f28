package com.ipledge.rules.params;

import java.math.BigDecimal;

/**
 * Loan classification (五级分类) floors by days past due, and overdue (penalty) interest. A loan overdue more than
 * {@code technicalDelayDays} is at least special mention; more than {@code substandardAfterDays} substandard, more
 * than {@code doubtfulAfterDays} doubtful, more than {@code lossAfterDays} loss. Overdue principal accrues penalty
 * interest at the contract rate x (1 + {@code penaltyRateMarkup}) per year of 360 days (the PBoC's rule allows a
 * mark-up of 30-50 %).
 */
public record ClassificationPolicy(int technicalDelayDays, int substandardAfterDays, int doubtfulAfterDays,
                                   int lossAfterDays, BigDecimal penaltyRateMarkup) {

    /** The regulator's floors (7 / 90 / 270 / 360 days) and a 50 % penalty mark-up. */
    public static ClassificationPolicy defaults() {
        return new ClassificationPolicy(7, 90, 270, 360, new BigDecimal("0.50"));
    }
}
