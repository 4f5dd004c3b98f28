package com.ipledge.valuation;

/**
 * An uncertain rate: a normal distribution truncated to the rate's meaningful range (royalty and discount rates
 * to (0, 1) and (0, +inf), growth to (-1, +inf)). With {@code sd = 0} every draw is exactly {@code mean}.
 */
public record Distribution(double mean, double sd) {
    public static Distribution fixed(double value) {
        return new Distribution(value, 0.0);
    }
}
