package com.ipledge.valuation;

/** When in each year the cash flow is assumed to arrive. */
public enum Discounting {
    /** Year t is discounted by (1 + r)^t. */
    END_YEAR,
    /** Year t is discounted by (1 + r)^(t - 0.5). */
    MID_YEAR
}
