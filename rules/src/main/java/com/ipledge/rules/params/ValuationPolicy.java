package com.ipledge.rules.params;

/**
 * Which valuation a decision lends against.
 *
 * @param freshDays a bank's or desk valuation dated within this many days is reused; an older one is valued again
 */
public record ValuationPolicy(int freshDays) {

    /** 180 days, the freshness the service used in code before it was policy data. */
    public static ValuationPolicy defaults() {
        return new ValuationPolicy(180);
    }
}
