package com.ipledge.rules.params;

import java.math.BigDecimal;

/**
 * The desk valuation's assumptions for one industry and IP type, with where they come from.
 *
 * @param industry          {@code *} (every industry without a row of its own), a GB/T 4754-2017 section letter
 *                          ({@code A}..{@code T}) or a division ({@code C27})
 * @param ipType            an {@link com.ipledge.rules.IpType} name
 * @param royaltyRate       the range a royalty rate for such a licence falls in; the desk values with
 *                          mean = its midpoint and sd = a quarter of its width (the range is about +-2 sd)
 * @param revenueShare      the share of the borrower's operating revenue attributed to one such asset
 * @param economicLifeYears triangular (min, mode, max), before the cap at the remaining legal life
 * @param source            where the numbers come from, in words: a published statistic with its citation, or
 *                          plainly the project's default
 */
public record IndustryAssumptions(String industry, String ipType, RateRange royaltyRate, BigDecimal revenueShare,
                                  LifeRange economicLifeYears, String source) {

    /** A rate range, fractions: {@code low <= high}. */
    public record RateRange(BigDecimal low, BigDecimal high) {
    }

    /** Years, {@code 0 < min <= mode <= max}. */
    public record LifeRange(BigDecimal min, BigDecimal mode, BigDecimal max) {
    }
}
