package com.ipledge.valuation;

/**
 * How the value score changed the income inputs: the royalty rate's mean and sd were multiplied by
 * {@code royaltyMultiplier} and {@code discountPremium} was added to the discount rate's mean.
 * Bands: A (total >= 80) x1.00 +0; B (>= 60) x0.95 +0.01; C (>= 40) x0.85 +0.02; D (< 40) x0.70 +0.04.
 * Only ever conservative: a strong score does not lift the bank's own inputs. Neutral when not applied.
 */
public record ScoreAdjustment(String band, double royaltyMultiplier, double discountPremium, boolean applied) {
}
